/* atomicfile.h - replacing a file's contents all at once. */
#ifndef STMTLINT_ATOMICFILE_H
#define STMTLINT_ATOMICFILE_H

#include <stddef.h>
#include <sys/stat.h>

/* Replaces the contents of the existing regular file `path` with the `len`
 * bytes at `data`, so that a reader (or a crash) sees either the old file
 * or the new one, never a mix:
 *   - the new contents go to a temporary file in the same folder (created
 *     with mkostemp and O_CLOEXEC), which gets the original's mode and, where
 *     permitted, its owner and group, and is synced to disk;
 *   - it then replaces the original with rename(), and the folder is synced.
 * Refuses, before writing anything:
 *   - a `path` that is a symbolic link (never followed) or not a regular file;
 *   - a file this user may not write: no write permission by access(), or,
 *     for root (whom access() always allows), no write bit in its mode;
 *   - when `expect` is not NULL, a file that is no longer the one `expect`
 *     describes (an lstat() or fstat() result from when it was read): another
 *     device or inode, another size or modification time.
 * The same checks run again just before the rename, so a file changed while
 * the new contents were written is not replaced either.
 * Returns 0 when the file holds the new contents.  Otherwise returns -1 with
 * a one-line reason in `why` (the step and strerror(), without `path`); the
 * temporary file is removed and the original is as it was, with one
 * exception: when syncing the folder fails after the rename (the reason then
 * begins with "replaced, but"), the new contents are in place but may not
 * survive a crash. */
int atomic_write_file(const char *path, const char *data, size_t len, const struct stat *expect,
                      char *why, size_t whylen);

#endif
