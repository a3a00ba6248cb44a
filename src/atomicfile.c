/* atomicfile.c - replacing a file's contents all at once. */
#include "atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The temporary file's name: ".NAME" followed by this and six random
 * characters (mkostemp's), hidden beside the file it replaces. */
#define ATOMIC_TEMP_SUFFIX ".stmtlint-XXXXXX"

/* Whether a and b describe the same file, unchanged. */
static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Checks that `path` is a regular file this user may write and, when expect
 * is given, still the file it describes; fills *st with its lstat().
 * Returns 0, or -1 with the reason in why. */
static int check_target(const char *path, const struct stat *expect, struct stat *st, char *why,
                        size_t whylen)
{
	if (lstat(path, st) != 0) {
		snprintf(why, whylen, "cannot examine the file: %s", strerror(errno));
		return -1;
	}
	if (S_ISLNK(st->st_mode)) {
		snprintf(why, whylen, "refusing to replace a symbolic link");
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		snprintf(why, whylen, "refusing to replace what is not a regular file");
		return -1;
	}
	if (geteuid() == 0 ? (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0
	                   : faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0) {
		snprintf(why, whylen, "refusing to replace a read-only file");
		return -1;
	}
	if (expect != NULL && !same_file(expect, st)) {
		snprintf(why, whylen, "changed on disk meanwhile; not replaced");
		return -1;
	}
	return 0;
}

/* Writes all len bytes to fd.  Returns 0, or -1 with errno set. */
static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Fills the temporary file fd (named tmp) with the data and the original's
 * mode, owner where permitted, and syncs and closes it (fd is closed in
 * every case).  Returns 0, or -1 with the reason in why. */
static int fill_temp(int fd, const char *tmp, const char *data, size_t len,
                     const struct stat *orig, char *why, size_t whylen)
{
	const char *step = NULL;

	/* The owner and group first (a change of owner may clear set-user-ID
	 * bits), where permitted: all for root, the group for its members. */
	if (fchown(fd, orig->st_uid, orig->st_gid) != 0 && fchown(fd, (uid_t)-1, orig->st_gid) != 0) {
		/* neither is permitted: the new file stays this user's */
	}
	if (write_all(fd, data, len) != 0)
		step = "cannot write the temporary file";
	else if (fchmod(fd, orig->st_mode & 07777) != 0)
		step = "cannot set the mode of the temporary file";
	else if (fsync(fd) != 0)
		step = "cannot sync the temporary file";
	if (step != NULL) {
		snprintf(why, whylen, "%s %s: %s", step, tmp, strerror(errno));
		close(fd);
		return -1;
	}
	if (close(fd) != 0) {
		snprintf(why, whylen, "cannot close the temporary file %s: %s", tmp, strerror(errno));
		return -1;
	}
	return 0;
}

/* Sets *dir to path's folder and *tmp to "FOLDER/.NAME" ATOMIC_TEMP_SUFFIX,
 * both malloc'ed.  Returns 0, or -1 when out of memory. */
static int temp_names(const char *path, char **tmp, char **dir)
{
	const char *slash = strrchr(path, '/');
	size_t prefix_len = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	size_t n = strlen(path) + sizeof(ATOMIC_TEMP_SUFFIX) + 1;

	if (slash == NULL)
		*dir = strdup(".");
	else
		*dir = strndup(path, prefix_len > 1 ? prefix_len - 1 : 1);
	*tmp = malloc(n);
	if (*dir == NULL || *tmp == NULL) {
		free(*dir);
		free(*tmp);
		return -1;
	}
	snprintf(*tmp, n, "%.*s.%s" ATOMIC_TEMP_SUFFIX, (int)prefix_len, path, path + prefix_len);
	return 0;
}

int atomic_write_file(const char *path, const char *data, size_t len, const struct stat *expect,
                      char *why, size_t whylen)
{
	struct stat orig;
	struct stat now;
	char *tmp;
	char *dir;
	int fd;
	int dir_fd = -1;
	int temp_exists = 0;
	int rc = -1;

	if (check_target(path, expect, &orig, why, whylen) != 0)
		return -1;
	if (temp_names(path, &tmp, &dir) != 0) {
		snprintf(why, whylen, "out of memory");
		return -1;
	}
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		snprintf(why, whylen, "cannot create a temporary file in %s: %s", dir, strerror(errno));
		goto cleanup;
	}
	temp_exists = 1;
	if (fill_temp(fd, tmp, data, len, &orig, why, whylen) != 0)
		goto cleanup;
	/* Opened before the rename, so that only the sync can fail after it. */
	dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir_fd < 0) {
		snprintf(why, whylen, "cannot open the folder %s: %s", dir, strerror(errno));
		goto cleanup;
	}
	/* Again: the file may have changed while the new contents were written. */
	if (check_target(path, &orig, &now, why, whylen) != 0)
		goto cleanup;
	if (rename(tmp, path) != 0) {
		snprintf(why, whylen, "cannot rename %s over the file: %s", tmp, strerror(errno));
		goto cleanup;
	}
	temp_exists = 0;
	if (fsync(dir_fd) != 0) {
		snprintf(why, whylen, "replaced, but syncing the folder %s failed: %s", dir,
		         strerror(errno));
		goto cleanup;
	}
	rc = 0;
cleanup:
	if (temp_exists)
		unlink(tmp);
	if (dir_fd >= 0)
		close(dir_fd);
	free(tmp);
	free(dir);
	return rc;
}
