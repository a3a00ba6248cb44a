/* paths.h - where the plugins and the rule data are. */
#ifndef STMTLINT_PATHS_H
#define STMTLINT_PATHS_H

#include <stddef.h>

/* The folders to load plugins from, in order: those STMTLINT_PLUGIN_PATH
 * lists (separated by ':'; empty entries are skipped) when it lists any;
 * else the build tree's plugins when this program runs from its build tree
 * (it then needs no install and no variable); else the installed plugin
 * folder.  Sets *dirs to an array that lives as long as the process (read
 * once, on the first call) and returns its length: at least 1, or 0 when
 * memory ran out. */
size_t paths_plugin_dirs(const char *const **dirs);
/* The folder of the rule data (profiles/, principles/, …): the value of
 * STMTLINT_DATA_PATH when it is set and not empty, else the build tree's
 * rules/ or the installed folder, as above.  A string that lives as long as
 * the process. */
const char *paths_data_dir(void);

#endif
