/* fileio.h - reading drafts and configuration safely (atomicfile.h writes). */
#ifndef STMTLINT_FILEIO_H
#define STMTLINT_FILEIO_H

#include <stddef.h>

/* Largest configuration or rule-data file read. */
#define YT_MAX_FILE_SIZE (4u << 20)

/* Reads a whole regular file (or "-" for standard input) of at most `limit`
 * bytes into a malloc'ed NUL-terminated buffer owned by the caller.  Refuses
 * folders, FIFOs, devices and larger files without blocking.  Returns 0, or
 * -1 with a one-line reason in why; a file over the limit is said to be over
 * "the limit of N bytes (--max-file-size)": this is for drafts. */
int file_read(const char *path, size_t limit, char **data, size_t *len, char *why, size_t whylen);
/* As file_read(), for files under another limit: `limit_note` follows "the
 * limit of N bytes" in the reason, naming the limit (" for configurations"). */
int file_read_within(const char *path, size_t limit, const char *limit_note, char **data,
                     size_t *len, char *why, size_t whylen);
/* Like file_read(), for a path already resolved and checked (realpath):
 * refuses to follow a symbolic link in any component, so that a link put
 * in its place after the check is not followed out of the repository. */
int file_read_no_links(const char *path, size_t limit, const char *limit_note, char **data,
                       size_t *len, char *why, size_t whylen);

#endif
