/* fuzz_support.c - the scratch folder, data paths and static plugin sets of
 * the libFuzzer harnesses. */
#define _XOPEN_SOURCE 700
#include "fuzz_support.h"

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "yamltree.h"

#ifndef FUZZ_SRC_DIR
#error "FUZZ_SRC_DIR must name the source tree"
#endif
#ifndef FUZZ_PLUGIN_DIR
#error "FUZZ_PLUGIN_DIR must name the build tree's plugin folder"
#endif

static char scratch[PATH_MAX];

const char *fuzz_src_dir(void)
{
	return FUZZ_SRC_DIR;
}

const char *fuzz_rules_dir(void)
{
	return FUZZ_SRC_DIR "/rules";
}

const char *fuzz_plugin_dir(void)
{
	return FUZZ_PLUGIN_DIR;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;
}

static void scratch_remove(void)
{
	if (scratch[0] != '\0')
		nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	scratch[0] = '\0';
}

const char *fuzz_scratch_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	if (scratch[0] != '\0')
		return scratch;
	if (tmp == NULL || tmp[0] == '\0')
		tmp = "/tmp";
	snprintf(scratch, sizeof(scratch), "%s/stmtlint-fuzz-XXXXXX", tmp);
	if (mkdtemp(scratch) == NULL) {
		perror("fuzz: mkdtemp");
		scratch[0] = '\0';
		return NULL;
	}
	atexit(scratch_remove);
	return scratch;
}

const char *fuzz_write(const char *name, const void *data, size_t len)
{
	static char path[PATH_MAX + 64];
	const char *dir = fuzz_scratch_dir();
	FILE *f;
	int ok;

	if (dir == NULL)
		return NULL;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f == NULL)
		return NULL;
	ok = fwrite(data, 1, len, f) == len;
	if (fclose(f) != 0)
		ok = 0;
	return ok ? path : NULL;
}

int fuzz_plugins_add_static(plugin_set *set, const stmtlint_plugin *desc)
{
	loaded_plugin *p = realloc(set->items, (set->n + 1) * sizeof(*p));
	size_t len = strlen(desc->id) + 16;

	if (p == NULL)
		return -1;
	set->items = p;
	memset(&p[set->n], 0, sizeof(p[set->n]));   /* no handle, no resolved path */
	p[set->n].desc = desc;
	p[set->n].file = malloc(len);
	if (p[set->n].file == NULL)
		return -1;
	snprintf(p[set->n].file, len, "(static %s)", desc->id);
	set->n++;
	return 0;
}

static store *the_store;

static void free_store(void)
{
	store_free(the_store);
	the_store = NULL;
}

store *fuzz_store(void)
{
	if (the_store == NULL) {
		the_store = store_new();
		atexit(free_store);
	}
	return the_store;
}

const char *fuzz_errors(const errlist *err)
{
	static buf text;

	buf_free(&text);
	buf_init(&text, 0);
	errlist_format(err, &text);
	return text.data != NULL ? text.data : "";
}

void fuzz_default_data(buf *profile)
{
	char path[PATH_MAX];
	errlist err;
	yt_doc *doc;
	const struct stmtlint_node *data;
	size_t i;

	snprintf(path, sizeof(path), "%s/profiles/default.yaml", fuzz_rules_dir());
	errlist_init(&err);
	doc = yt_load_file(path, &err);
	data = doc != NULL ? yt_get(doc->root, "data") : NULL;
	if (data != NULL && data->kind == STMTLINT_NODE_MAPPING && data->n > 0) {
		buf_puts(profile, "data:\n");
		for (i = 0; i < data->n; i++)
			if (data->items[i]->kind == STMTLINT_NODE_SCALAR)
				buf_printf(profile, "  %s: '%s/profiles/%s'\n", data->keys[i]->scalar,
				           fuzz_rules_dir(), data->items[i]->scalar);
	}
	yt_free(doc);
	errlist_free(&err);
}
