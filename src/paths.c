/* paths.c - where the plugins and the rule data are. */
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Whether the running program is the one in the build tree's src/. */
static int running_from_build_tree(void)
{
	static int known = -1;
	char exe[PATH_MAX];
	ssize_t n;
	char *real_build;
	char *slash;

	if (known >= 0)
		return known;
	known = 0;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return known;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return known;
	*slash = '\0';
	real_build = realpath(STMTLINT_BUILD_BINDIR, NULL);
	if (real_build != NULL) {
		known = strcmp(real_build, exe) == 0;
		free(real_build);
	}
	return known;
}

const char *paths_plugin_dir(void)
{
	return running_from_build_tree() ? STMTLINT_BUILD_PLUGINDIR : STMTLINT_PLUGINDIR;
}

const char *paths_data_dir(void)
{
	return running_from_build_tree() ? STMTLINT_BUILD_DATADIR : STMTLINT_DATADIR;
}
