/* fileio.c - reading drafts and configuration safely. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifdef SYS_openat2
#include <linux/openat2.h>
#endif

#include "buf.h"

static int read_fd(int fd, size_t limit, const char *limit_note, char **data, size_t *len,
                   char *why, size_t whylen)
{
	buf b;
	char chunk[65536];

	buf_init(&b, limit);
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));

		if (n < 0) {
			if (errno == EINTR)
				continue;
			snprintf(why, whylen, "cannot read: %s", strerror(errno));
			buf_free(&b);
			return -1;
		}
		if (n == 0)
			break;
		if (buf_append(&b, chunk, (size_t)n) != 0) {
			if (b.len + (size_t)n > limit)
				snprintf(why, whylen, "file is larger than the limit of %zu bytes%s", limit,
				         limit_note);
			else
				snprintf(why, whylen, "out of memory");
			buf_free(&b);
			return -1;
		}
	}
	*len = b.len;
	*data = buf_steal(&b);
	if (*data == NULL) {
		snprintf(why, whylen, "out of memory");
		return -1;
	}
	return 0;
}

/* Opens `path` for reading without following a symbolic link in any of
 * its components (openat2's RESOLVE_NO_SYMLINKS; on kernels without it,
 * O_NOFOLLOW for the last one). */
static int open_no_links(const char *path)
{
#ifdef SYS_openat2
	struct open_how how;
	long fd;

	memset(&how, 0, sizeof(how));
	how.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC;
	how.resolve = RESOLVE_NO_SYMLINKS;
	fd = syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof(how));
	if (fd >= 0 || (errno != ENOSYS && errno != EPERM))
		return (int)fd;
#endif
	return open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
}

/* Reads `path` (standard input for "-", unless no_links) whole, refusing
 * what is not a regular file and what is larger than `limit`, which
 * `limit_note` names in the reason. */
static int read_path(const char *path, int no_links, size_t limit, const char *limit_note,
                     char **data, size_t *len, char *why, size_t whylen)
{
	struct stat st;
	int fd;
	int rc;

	if (strcmp(path, "-") == 0 && !no_links)
		return read_fd(STDIN_FILENO, limit, limit_note, data, len, why, whylen);
	fd = no_links ? open_no_links(path) : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (no_links && (errno == ELOOP || errno == EXDEV))
			snprintf(why, whylen, "cannot open: it was replaced by a symbolic link after it "
			         "was checked");
		else
			snprintf(why, whylen, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		snprintf(why, whylen, "cannot stat: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(why, whylen, "is a directory, not a file");
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "not a regular file (a FIFO, socket or device)");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > limit) {
		snprintf(why, whylen, "file is %lld bytes, larger than the limit of %zu bytes%s",
		         (long long)st.st_size, limit, limit_note);
		close(fd);
		return -1;
	}
	/* Regular files never block; clear O_NONBLOCK for plain reads. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	rc = read_fd(fd, limit, limit_note, data, len, why, whylen);
	close(fd);
	return rc;
}

int file_read(const char *path, size_t limit, char **data, size_t *len, char *why, size_t whylen)
{
	return read_path(path, 0, limit, " (--max-file-size)", data, len, why, whylen);
}

int file_read_within(const char *path, size_t limit, const char *limit_note, char **data,
                     size_t *len, char *why, size_t whylen)
{
	return read_path(path, 0, limit, limit_note, data, len, why, whylen);
}

int file_read_no_links(const char *path, size_t limit, const char *limit_note, char **data,
                       size_t *len, char *why, size_t whylen)
{
	return read_path(path, 1, limit, limit_note, data, len, why, whylen);
}
