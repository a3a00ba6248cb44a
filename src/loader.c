/* loader.c - finding, loading and validating rule plugins. */
#include "loader.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int valid_id(const char *id)
{
	size_t i;

	if (id == NULL || id[0] == '\0' || strlen(id) > 64)
		return 0;
	for (i = 0; id[i] != '\0'; i++)
		if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
			return 0;
	return 1;
}

/* Checks a descriptor; returns NULL when it is sound, else why not. */
static const char *descriptor_problem(const stmtlint_plugin *d, char *why, size_t whylen)
{
	size_t i;

	if (STMTLINT_ABI_MAJOR_OF(d->abi_version) != STMTLINT_ABI_MAJOR) {
		snprintf(why, whylen, "plugin built for plugin ABI %u.%u, but this stmtlint offers "
		         "ABI %u.%u; rebuild the plugin against this stmtlint's <stmtlint/plugin.h>",
		         STMTLINT_ABI_MAJOR_OF(d->abi_version), STMTLINT_ABI_MINOR_OF(d->abi_version),
		         STMTLINT_ABI_MAJOR, STMTLINT_ABI_MINOR);
		return why;
	}
	if (STMTLINT_ABI_MINOR_OF(d->abi_version) > STMTLINT_ABI_MINOR) {
		snprintf(why, whylen, "plugin built for plugin ABI %u.%u, newer than this stmtlint's "
		         "ABI %u.%u; upgrade stmtlint or rebuild the plugin against its header",
		         STMTLINT_ABI_MAJOR_OF(d->abi_version), STMTLINT_ABI_MINOR_OF(d->abi_version),
		         STMTLINT_ABI_MAJOR, STMTLINT_ABI_MINOR);
		return why;
	}
	if (!valid_id(d->id))
		return "plugin id must be 1-64 characters of a-z, 0-9 and '-'";
	if (d->check == NULL)
		return "plugin has no check function";
	if (d->severity < STMTLINT_NOTE || d->severity > STMTLINT_ERROR)
		return "plugin's default severity must be note, warning or error";
	if (d->n_checks > 0 && d->checks == NULL)
		return "plugin declares checks but gives no table";
	for (i = 0; i < d->n_checks; i++) {
		size_t j;

		if (!valid_id(d->checks[i].id)) {
			snprintf(why, whylen, "check %zu has an invalid id", i);
			return why;
		}
		if (d->checks[i].severity < STMTLINT_NOTE || d->checks[i].severity > STMTLINT_ERROR) {
			snprintf(why, whylen, "check '%s' has an invalid default severity", d->checks[i].id);
			return why;
		}
		for (j = 0; j < i; j++)
			if (strcmp(d->checks[i].id, d->checks[j].id) == 0) {
				snprintf(why, whylen, "check '%s' is declared twice", d->checks[i].id);
				return why;
			}
	}
	if (d->n_options > 0 && d->options == NULL)
		return "plugin declares options but gives no table";
	for (i = 0; i < d->n_options; i++) {
		if (d->options[i].name == NULL || d->options[i].type > STMTLINT_OPT_DATA) {
			snprintf(why, whylen, "option %zu is malformed", i);
			return why;
		}
		if (strcmp(d->options[i].name, "severity") == 0)
			return "'severity' is reserved and cannot be an option";
	}
	return NULL;
}

int plugins_load_file(plugin_set *set, const char *file, errlist *err)
{
	void *handle;
	void *sym;
	stmtlint_plugin_entry_fn entry;
	const stmtlint_plugin *desc;
	const char *problem;
	char why[512];
	loaded_plugin *p;
	struct stat st;
	char *real;
	size_t i;

	/* dlopen() of a FIFO blocks, and of a device reads it: shared objects only */
	if (stat(file, &st) == 0 && !S_ISREG(st.st_mode)) {
		errlist_add(err, "plugin", file, 0, 0, "cannot load plugin: not a regular file");
		return -1;
	}
	/* The same file named twice (a folder and a path to it, say) loads once. */
	real = realpath(file, NULL);
	for (i = 0; real != NULL && i < set->n; i++) {
		if (set->items[i].real != NULL && strcmp(set->items[i].real, real) == 0) {
			free(real);
			return 0;
		}
	}
	handle = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL) {
		errlist_add(err, "plugin", file, 0, 0, "cannot load plugin: %s", dlerror());
		free(real);
		return -1;
	}
	dlerror();
	sym = dlsym(handle, STMTLINT_PLUGIN_ENTRY_NAME);
	if (sym == NULL) {
		errlist_add(err, "plugin", file, 0, 0, "not a stmtlint plugin: it does not export %s()",
		           STMTLINT_PLUGIN_ENTRY_NAME);
		dlclose(handle);
		free(real);
		return -1;
	}
	memcpy(&entry, &sym, sizeof(entry));
	desc = entry();
	if (desc == NULL) {
		errlist_add(err, "plugin", file, 0, 0, "%s() returned no plugin descriptor",
		           STMTLINT_PLUGIN_ENTRY_NAME);
		dlclose(handle);
		free(real);
		return -1;
	}
	problem = descriptor_problem(desc, why, sizeof(why));
	if (problem != NULL) {
		errlist_add(err, "plugin", file, 0, 0, "%s", problem);
		dlclose(handle);
		free(real);
		return -1;
	}
	for (i = 0; i < set->n; i++) {
		if (strcmp(set->items[i].desc->id, desc->id) == 0) {
			errlist_add(err, "plugin", file, 0, 0, "plugin id '%s' is already taken by %s",
			           desc->id, set->items[i].file);
			dlclose(handle);
			free(real);
			return -1;
		}
	}
	p = realloc(set->items, (set->n + 1) * sizeof(*p));
	if (p == NULL) {
		dlclose(handle);
		free(real);
		errlist_add(err, "plugin", file, 0, 0, "out of memory");
		return -1;
	}
	set->items = p;
	p[set->n].handle = handle;
	p[set->n].desc = desc;
	p[set->n].real = real;
	p[set->n].file = strdup(file);
	if (p[set->n].file == NULL) {
		dlclose(handle);
		free(real);
		return -1;
	}
	set->n++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int plugins_load_dir(plugin_set *set, const char *dir, errlist *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	size_t i;
	int failed = 0;

	if (d == NULL) {
		errlist_add(err, "plugin", dir, 0, 0, "cannot read plugin folder: %s", strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char **p;

		if (len < 4 || strcmp(e->d_name + len - 3, ".so") != 0 || e->d_name[0] == '.')
			continue;
		p = realloc(names, (n + 1) * sizeof(*p));
		if (p == NULL)
			break;
		names = p;
		names[n] = malloc(strlen(dir) + len + 2);
		if (names[n] == NULL)
			break;
		sprintf(names[n], "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		if (plugins_load_file(set, names[i], err) != 0)
			failed++;
		free(names[i]);
	}
	free(names);
	return failed;
}

const loaded_plugin *plugins_find(const plugin_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->items[i].desc->id, id) == 0)
			return &set->items[i];
	return NULL;
}

void plugins_unload(plugin_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (set->items[i].handle != NULL)
			dlclose(set->items[i].handle);
		free(set->items[i].file);
		free(set->items[i].real);
	}
	free(set->items);
	set->items = NULL;
	set->n = 0;
}
