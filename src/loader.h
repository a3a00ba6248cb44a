/* loader.h - finding, loading and validating rule plugins. */
#ifndef STMTLINT_LOADER_H
#define STMTLINT_LOADER_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "errlist.h"

typedef struct loaded_plugin {
	void *handle;                   /* from dlopen() */
	char *file;                     /* the shared object's path */
	char *real;                     /* the same, resolved (to load a file once) */
	const stmtlint_plugin *desc;    /* the plugin's descriptor, inside the object */
} loaded_plugin;

typedef struct plugin_set {
	loaded_plugin *items;
	size_t n;
} plugin_set;

/* Loads one plugin file into set; a file already in the set (by its resolved
 * path) is not loaded again.  Returns 0, or -1 after appending one line
 * "FILE: error: …" to err (the file is then not loaded). */
int plugins_load_file(plugin_set *set, const char *file, errlist *err);
/* Loads every "*.so" in dir, in name order.  Returns the number of files
 * that failed (each with a line in err), or -1 when dir cannot be read. */
int plugins_load_dir(plugin_set *set, const char *dir, errlist *err);
/* The plugin with this id, or NULL. */
const loaded_plugin *plugins_find(const plugin_set *set, const char *id);
/* Unloads everything; the set is empty afterwards. */
void plugins_unload(plugin_set *set);

#endif
