/* scratch.c - temporary folders and files for the unit tests. */
#include "scratch.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int scratch_dir_make(char *dir, size_t len, const char *tag)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, len, "%s/stmtlint-test-%s-XXXXXX",
	         tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp", tag);
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

int scratch_dir_remove(const char *dir)
{
	return nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

const char *scratch_write(const char *dir, const char *name, const char *text)
{
	static char path[1024];
	FILE *fp;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	if (fp == NULL)
		return NULL;
	ok = fputs(text, fp) >= 0;
	if (fclose(fp) != 0 || !ok)
		return NULL;
	return path;
}
