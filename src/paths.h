/* paths.h - where the plugins and the rule data are. */
#ifndef STMTLINT_PATHS_H
#define STMTLINT_PATHS_H

/* The folder of the installed plugins, or of the build tree's plugins when
 * this program runs from its build tree (it then needs no install and no
 * environment variable).  A static string. */
const char *paths_plugin_dir(void);
/* The folder of the rule data (profiles/, principles/, …), likewise. */
const char *paths_data_dir(void);

#endif
