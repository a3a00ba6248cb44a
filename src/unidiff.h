/* unidiff.h - a unified diff between two versions of one file, as --diff
 * prints the fixes it would make, for `patch -p1`. */
#ifndef STMTLINT_UNIDIFF_H
#define STMTLINT_UNIDIFF_H

#include <stddef.h>

#include "buf.h"

/* Lines of context around each change, as diff -u. */
#define UNIDIFF_CONTEXT 3
/* How far (lines deleted plus lines inserted) the diff looks for the next
 * line the two versions share after a difference.  Fixes change a few
 * lines at a time, so this is never reached by them; past it the rest of
 * both versions is one change, still a correct diff. */
#define UNIDIFF_MAX_RESYNC 400

/* Appends to out the unified diff that turns old_text[0, old_len) into
 * new_text[0, new_len), headed "--- a/NAME" and "+++ b/NAME" (as
 * "--- \"a/NAME\"" with C escapes when NAME holds white space, quotes,
 * backslashes, controls or bytes above 0x7E, as git writes it and GNU patch
 * reads it), with
 * UNIDIFF_CONTEXT lines of context and "\ No newline at end of file" where
 * one version ends without one.  Appends nothing when they are equal.
 * Returns 0, or -1 when out of memory. */
int unidiff(buf *out, const char *name, const char *old_text, size_t old_len,
            const char *new_text, size_t new_len);

#endif
