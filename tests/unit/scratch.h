/* scratch.h - temporary folders and files for the unit tests. */
#ifndef STMTLINT_TEST_SCRATCH_H
#define STMTLINT_TEST_SCRATCH_H

#include <stddef.h>

/* Makes a new folder "$TMPDIR/stmtlint-test-TAG-XXXXXX" (TMPDIR defaults to
 * /tmp) and writes its path into dir.  Returns 0, or -1. */
int scratch_dir_make(char *dir, size_t len, const char *tag);
/* Removes a folder and everything in it, without following links.
 * Returns 0, or -1. */
int scratch_dir_remove(const char *dir);
/* Writes `text` to dir/name.  Returns the path, in a static buffer valid
 * until the next call, or NULL when the file cannot be written. */
const char *scratch_write(const char *dir, const char *name, const char *text);

#endif
