/* fuzz_plugin.c - libFuzzer harness of one plugin's check over any draft.
 * Linked with one plugin's own objects (see tests/fuzz/local.mk), so its
 * stmtlint_plugin_entry() is called directly, without dlopen().  The plugin
 * runs with every check on, once without rule data and once under each
 * rule-data file of rules/ that has data for it; each input is read as plain
 * text and as Markdown. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "doc.h"
#include "engine.h"
#include "yamltree.h"
#include "fuzz_support.h"
#include "guard.h"

/* The plugin linked in. */
const stmtlint_plugin *stmtlint_plugin_entry(void);

#define MAX_RULESETS 8

static plugin_set plugins;
static ruleset *rulesets[MAX_RULESETS];
static size_t n_rulesets;

static void release(void)
{
	size_t i;

	for (i = 0; i < n_rulesets; i++)
		ruleset_free(rulesets[i]);
	n_rulesets = 0;
	plugins_unload(&plugins);   /* static entries have no handle to close */
}

/* Makes a ruleset with the plugin on and, when data_file is not NULL, that
 * rule data included.  Exits on failure: the harness would test nothing. */
static void add_ruleset(const char *id, const char *data_file)
{
	char name[32];
	buf profile;
	errlist err;
	const char *path;
	config *cfg;

	if (n_rulesets == MAX_RULESETS)
		return;
	buf_init(&profile, 0);
	errlist_init(&err);
	if (data_file != NULL)
		buf_printf(&profile, "include:\n  - '%s'\n", data_file);
	fuzz_default_data(&profile);
	buf_printf(&profile, "rules:\n  %s: on\n", id);
	snprintf(name, sizeof(name), "profile-%zu.yaml", n_rulesets);
	path = profile.data != NULL ? fuzz_write(name, profile.data, profile.len) : NULL;
	cfg = path != NULL ? config_load(NULL, path, fuzz_rules_dir(), 0, &err) : NULL;
	rulesets[n_rulesets] = cfg != NULL ? ruleset_new(&plugins, cfg, fuzz_store(), &err) : NULL;
	buf_free(&profile);
	if (rulesets[n_rulesets] == NULL) {
		fprintf(stderr, "fuzz_plugin: cannot start plugin '%s' with %s:\n%s", id,
		        data_file ? data_file : "no rule data", fuzz_errors(&err));
		exit(1);
	}
	errlist_free(&err);
	n_rulesets++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds a ruleset for each file of rules/FOLDER/ (every folder but
 * profiles/) whose top level has a key `id`, in name order. */
static void add_rule_data(const char *id)
{
	char **files = NULL;
	size_t n = 0;
	size_t i;
	DIR *top = opendir(fuzz_rules_dir());
	struct dirent *e;

	if (top == NULL)
		return;
	while ((e = readdir(top)) != NULL) {
		char dir[4096];
		DIR *d;
		struct dirent *f;

		if (e->d_name[0] == '.' || strcmp(e->d_name, "profiles") == 0)
			continue;
		snprintf(dir, sizeof(dir), "%s/%s", fuzz_rules_dir(), e->d_name);
		d = opendir(dir);
		if (d == NULL)
			continue;
		while ((f = readdir(d)) != NULL) {
			size_t len = strlen(f->d_name);
			char **p;

			if (len < 6 || strcmp(f->d_name + len - 5, ".yaml") != 0)
				continue;
			p = realloc(files, (n + 1) * sizeof(*p));
			if (p == NULL)
				break;
			files = p;
			files[n] = malloc(strlen(dir) + len + 2);
			if (files[n] == NULL)
				break;
			sprintf(files[n], "%s/%s", dir, f->d_name);
			n++;
		}
		closedir(d);
	}
	closedir(top);
	if (n > 1)
		qsort(files, n, sizeof(*files), by_name);
	for (i = 0; i < n; i++) {
		errlist err;
		yt_doc *doc;

		errlist_init(&err);
		doc = yt_load_file(files[i], &err);
		if (doc != NULL && doc->root != NULL && doc->root->kind == STMTLINT_NODE_MAPPING &&
		    yt_get(doc->root, id) != NULL)
			add_ruleset(id, files[i]);
		yt_free(doc);
		errlist_free(&err);
		free(files[i]);
	}
	free(files);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const stmtlint_plugin *desc = stmtlint_plugin_entry();

	(void)argc;
	guard_set_enabled(0);   /* a plugin's crash is the fuzzer's to see */
	(void)argv;
	if (fuzz_plugins_add_static(&plugins, desc) != 0) {
		fprintf(stderr, "fuzz_plugin: out of memory\n");
		exit(1);
	}
	atexit(release);
	add_ruleset(desc->id, NULL);
	add_rule_data(desc->id);
	return 0;
}

static void check_as(const uint8_t *data, size_t size, const char *path, stmtlint_doc_format format)
{
	sl_doc *doc = doc_build(path, (const char *)data, size, format);
	size_t i;

	if (doc == NULL)
		return;
	for (i = 0; i < n_rulesets; i++) {
		diag_list l;
		errlist err;

		diag_list_init(&l);
		errlist_init(&err);
		ruleset_check(rulesets[i], doc, 0, &l, &err);
		errlist_free(&err);
		diag_list_free(&l);
	}
	doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_as(data, size, "fuzz.txt", STMTLINT_FORMAT_TEXT);
	check_as(data, size, "fuzz.md", STMTLINT_FORMAT_MARKDOWN);
	return 0;
}
