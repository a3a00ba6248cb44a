/* inputs.c - the drafts a command line names. */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"

static int push(input_list *l, const char *s)
{
	char **p = realloc(l->paths, (l->n + 1) * sizeof(*p));

	if (p == NULL)
		return -1;
	l->paths = p;
	p[l->n] = strdup(s);
	if (p[l->n] == NULL)
		return -1;
	l->n++;
	return 0;
}

static int is_draft_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".txt") == 0) || (n > 3 && strcmp(name + n - 3, ".md") == 0);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A draft found by searching a folder that is a link: checked only when it
 * leads to a file inside the repository searched (`root`); otherwise a
 * warning says why it was not.  Returns whether to check it. */
static int link_inside(const char *path, const char *root, errlist *err)
{
	char *real = realpath(path, NULL);
	size_t n = root != NULL ? strlen(root) : 0;
	int inside;

	if (real == NULL)
		return 1;  /* dangling: reading it reports that */
	inside = root != NULL && strncmp(real, root, n) == 0 &&
	         (real[n] == '/' || real[n] == '\0' || strcmp(root, "/") == 0);
	if (!inside)
		errlist_add_sev(err, "input", STMTLINT_WARNING, path, 0, 0, "not checked: a link to %s, "
		                "outside the repository searched (%s); name it on the command line "
		                "to check it", real, root != NULL ? root : "unknown");
	free(real);
	return inside;
}

/* Adds the drafts under `dir`, in name order, without following links to
 * folders; `root` is the repository searched. */
static int walk_dir(input_list *out, const char *dir, const char *root, unsigned depth,
                    errlist *err)
{
	DIR *d;
	struct dirent *e;
	input_list names = { NULL, 0 };
	size_t i;
	int rc = 0;

	if (depth > INPUTS_MAX_DEPTH) {
		errlist_add(err, "input", dir, 0, 0, "folders nested deeper than %d; not searched "
		            "further", INPUTS_MAX_DEPTH);
		return 0;
	}
	d = opendir(dir);
	if (d == NULL) {
		errlist_add(err, "input", dir, 0, 0, "cannot read folder: %s", strerror(errno));
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (push(&names, e->d_name) != 0) {
			closedir(d);
			inputs_free(&names);
			return -1;
		}
	}
	closedir(d);
	if (names.n > 1)
		qsort(names.paths, names.n, sizeof(*names.paths), cmp_str);
	for (i = 0; i < names.n && rc == 0; i++) {
		char path[PATH_MAX];
		struct stat st;

		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, names.paths[i]) >= sizeof(path)) {
			errlist_add(err, "input", dir, 0, 0, "'%s' in this folder makes a path longer "
			            "than %d bytes; not searched", names.paths[i], PATH_MAX - 1);
			continue;
		}
		if (lstat(path, &st) != 0) {
			if (errno != ENOENT)  /* gone meanwhile: nothing to check */
				errlist_add(err, "input", path, 0, 0, "cannot read: %s", strerror(errno));
			continue;
		}
		if (S_ISDIR(st.st_mode))
			rc = walk_dir(out, path, root, depth + 1, err);
		else if (S_ISREG(st.st_mode) && is_draft_name(names.paths[i]))
			rc = push(out, path);
		else if (S_ISLNK(st.st_mode) && is_draft_name(names.paths[i]) &&
		         link_inside(path, root, err))
			rc = push(out, path);
	}
	inputs_free(&names);
	return rc;
}

int inputs_add(input_list *l, const char *arg, errlist *err)
{
	struct stat st;
	size_t before = l->n;
	char *root;
	int rc;

	if (strcmp(arg, "-") == 0 || stat(arg, &st) != 0 || !S_ISDIR(st.st_mode))
		return push(l, arg);
	root = config_repo_root(arg);
	rc = walk_dir(l, arg, root, 0, err);
	free(root);
	if (rc != 0)
		return -1;
	if (l->n == before)
		errlist_add(err, "input", arg, 0, 0, "no drafts (*.txt, *.md) in this folder");
	return 0;
}

void inputs_free(input_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->paths[i]);
	free(l->paths);
	l->paths = NULL;
	l->n = 0;
}
