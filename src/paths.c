/* paths.c - where the plugins and the rule data are. */
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* STMTLINT_PLUGINDIR, STMTLINT_DATADIR and the build tree's folders, as
 * configured: made by make, see Makefile.am. */
#include "paths-built.h"

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

/* The value of the environment variable `name`, or NULL when it is unset or
 * empty. */
static const char *env_value(const char *name)
{
	const char *value = getenv(name);

	return value != NULL && value[0] != '\0' ? value : NULL;
}

/* Splits `list` at each ':' into one block that holds the array of its
 * non-empty entries followed by their text.  Returns the block (owned by the
 * caller; free it alone) and sets *n, or NULL when out of memory. */
static const char **split_path_list(const char *list, size_t *n)
{
	size_t len = strlen(list);
	size_t max = 1;
	const char **dirs;
	char *text;
	char *entry;
	char *end;
	size_t i;

	for (i = 0; i < len; i++)
		max += list[i] == ':';
	dirs = malloc(max * sizeof(*dirs) + len + 1);
	if (dirs == NULL)
		return NULL;
	text = memcpy((char *)(dirs + max), list, len + 1);
	*n = 0;
	for (entry = text; entry != NULL; entry = end) {
		end = strchr(entry, ':');
		if (end != NULL)
			*end++ = '\0';
		if (entry[0] != '\0')
			dirs[(*n)++] = entry;
	}
	return dirs;
}

size_t paths_plugin_dirs(const char *const **dirs)
{
	static const char *built_in[1];
	static const char **list;
	static size_t n;
	const char *listed;

	if (list == NULL) {
		listed = env_value("STMTLINT_PLUGIN_PATH");
		if (listed != NULL) {
			list = split_path_list(listed, &n);
			if (list == NULL) {
				*dirs = built_in;
				return 0;
			}
		}
		if (n == 0) {
			built_in[0] = running_from_build_tree() ? STMTLINT_BUILD_PLUGINDIR
			                                        : STMTLINT_PLUGINDIR;
			free(list);
			list = built_in;
			n = 1;
		}
	}
	*dirs = list;
	return n;
}

const char *paths_data_dir(void)
{
	const char *listed = env_value("STMTLINT_DATA_PATH");

	if (listed != NULL)
		return listed;
	return running_from_build_tree() ? STMTLINT_BUILD_DATADIR : STMTLINT_DATADIR;
}
