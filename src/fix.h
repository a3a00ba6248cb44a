/* fix.h - --fix and --diff: the certain fix-its of a draft applied (those
 * that overlap no other, never a guess), the draft checked again and fixed
 * again until nothing changes, then written with the atomic writer, or
 * shown as a unified diff. */
#ifndef STMTLINT_FIX_H
#define STMTLINT_FIX_H

#include <stddef.h>

#include "session.h"

/* The most rounds of fixing and checking again for one draft: a fix may
 * make another finding (a heading's colon after a bullet's marker), but
 * fixes that undo each other must not loop. */
#define FIX_MAX_ROUNDS 4

typedef enum fix_mode {
	FIX_NONE = 0,
	FIX_WRITE,      /* --fix: replace the file (standard input: write the text out) */
	FIX_DIFF        /* --diff: a unified diff of the fixes, nothing written */
} fix_mode;

/* What fixing one draft did. */
typedef struct fix_result {
	size_t fixed;       /* findings whose fixes were applied, in all rounds */
	unsigned rounds;    /* rounds that applied something */
	char *output;       /* FIX_DIFF: the diff (possibly empty); FIX_WRITE of standard
	                       input: the fixed text; else NULL (owned) */
	size_t output_len;
} fix_result;

/* Fixes the draft at `path` ("-": standard input) under configuration c,
 * in r (started by session_prepare()), which afterwards reports the
 * findings left in the fixed text; or those of the text as it was, with
 * an [input] error saying why, when the file could not be replaced (read
 * only, a symbolic link, changed on disk while it was checked, a failed
 * write).  Nothing is fixed when a check fails (its errors are in r).
 * `max_size` bounds the draft read.  Safe to call from several threads for
 * different drafts.  Returns 0, or -1 when something failed (see r). */
int fix_draft(session *s, const session_config *c, const char *path,
              unsigned long long max_size, fix_mode mode, check_report *r, fix_result *out);
/* Frees what a result holds. */
void fix_result_free(fix_result *f);

#endif
