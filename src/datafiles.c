/* datafiles.c - the YAML files of a folder dataset, in name order. */
#include "datafiles.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int yaml_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void datafiles_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; names != NULL && i < n; i++)
		free(names[i]);
	free(names);
}

int datafiles_list(const char *dir, char ***names, size_t *n, char *why, size_t whylen)
{
	DIR *d = opendir(dir);
	char **list = NULL;
	size_t count = 0;
	struct dirent *e;

	*names = NULL;
	*n = 0;
	if (d == NULL) {
		snprintf(why, whylen, "cannot read the folder: %s", strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		char **p;

		if (!yaml_name(e->d_name))
			continue;
		if (count == DATAFILES_MAX) {
			snprintf(why, whylen, "the folder holds more than %d YAML files", DATAFILES_MAX);
			goto fail;
		}
		p = realloc(list, (count + 1) * sizeof(*p));
		if (p == NULL)
			goto oom;
		list = p;
		list[count] = strdup(e->d_name);
		if (list[count] == NULL)
			goto oom;
		count++;
	}
	closedir(d);
	if (count > 1)
		qsort(list, count, sizeof(*list), by_name);
	*names = list;
	*n = count;
	return 0;
oom:
	snprintf(why, whylen, "out of memory listing the folder");
fail:
	closedir(d);
	datafiles_free(list, count);
	return -1;
}
