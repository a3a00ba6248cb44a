/* fuzz_ruledata.c - libFuzzer harness of the rule-data loaders: the input is
 * a rule-data file that a profile includes, with every built plugin on, so
 * each plugin's init() validates it; rule data that passes is then used to
 * check two fixed drafts (text and Markdown). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "doc.h"
#include "engine.h"
#include "fuzz_support.h"
#include "guard.h"

/* Drafts of the source tree checked under each rule data that loads. */
static const char *const draft_files[] = {
	"tests/golden/principles/reorder.txt",
	"tests/golden/principles/markdown-items.md",
};
#define N_DRAFTS (sizeof(draft_files) / sizeof(*draft_files))

static plugin_set plugins;
static sl_doc *drafts[N_DRAFTS];
static char *profile_path;

static void release(void)
{
	size_t i;

	for (i = 0; i < N_DRAFTS; i++)
		doc_free(drafts[i]);
	plugins_unload(&plugins);
	free(profile_path);
}

static sl_doc *read_draft(const char *name)
{
	char path[4096];
	FILE *f;
	char *text = NULL;
	size_t len = 0;
	sl_doc *doc = NULL;

	snprintf(path, sizeof(path), "%s/%s", fuzz_src_dir(), name);
	f = fopen(path, "rb");
	if (f != NULL) {
		text = malloc(1 << 20);
		if (text != NULL)
			len = fread(text, 1, 1 << 20, f);
		fclose(f);
	}
	if (text != NULL && len > 0)
		doc = doc_build(path, text, len, doc_format_for(path));
	free(text);
	return doc;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	errlist err;
	buf profile;
	const char *path;
	size_t i;

	guard_set_enabled(0);   /* a plugin's crash is the fuzzer's to see */

	(void)argc;
	(void)argv;
	errlist_init(&err);
	if (plugins_load_dir(&plugins, fuzz_plugin_dir(), &err) != 0 || plugins.n == 0) {
		fprintf(stderr, "fuzz_ruledata: cannot load the plugins of %s:\n%s", fuzz_plugin_dir(),
		        fuzz_errors(&err));
		exit(1);
	}
	errlist_free(&err);
	atexit(release);
	/* A profile that includes the input and turns every plugin on. */
	buf_init(&profile, 0);
	buf_puts(&profile, "include:\n  - data.yaml\nrules:\n");
	for (i = 0; i < plugins.n; i++)
		buf_printf(&profile, "  %s: on\n", plugins.items[i].desc->id);
	path = profile.data != NULL ? fuzz_write("profile.yaml", profile.data, profile.len) : NULL;
	buf_free(&profile);
	if (path == NULL) {
		fprintf(stderr, "fuzz_ruledata: cannot write the profile\n");
		exit(1);
	}
	profile_path = strdup(path);
	for (i = 0; i < N_DRAFTS; i++) {
		drafts[i] = read_draft(draft_files[i]);
		if (drafts[i] == NULL) {
			fprintf(stderr, "fuzz_ruledata: cannot read %s\n", draft_files[i]);
			exit(1);
		}
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	config *cfg;
	ruleset *rs = NULL;
	errlist err;
	size_t i;

	errlist_init(&err);
	if (profile_path == NULL || fuzz_write("data.yaml", data, size) == NULL)
		goto done;
	cfg = config_load(NULL, profile_path, fuzz_rules_dir(), 0, &err);
	if (cfg != NULL)
		rs = ruleset_new(&plugins, cfg, fuzz_store(), &err);
	for (i = 0; rs != NULL && i < N_DRAFTS; i++) {
		diag_list l;

		diag_list_init(&l);
		ruleset_check(rs, drafts[i], 0, &l, &err);
		diag_list_free(&l);
	}
	ruleset_free(rs);
done:
	errlist_free(&err);
	return 0;
}
