/* variants.h - U.S. and British spellings mixed in one draft (language
 * "en"): the minority form is a spelling/variant finding, with a note at
 * the first of the majority.  Two kinds are counted apart, since a draft
 * may rightly write "organization" with "colour" (Oxford spelling): -ize
 * against -ise, and every other difference ("color"/"colour",
 * "program"/"programme"). */
#ifndef SPELLING_VARIANTS_H
#define SPELLING_VARIANTS_H

#include "lexicon.h"
#include "stmtlint/plugin.h"

/* Checks doc for mixed spellings, reporting through check `check`.
 * `defined` holds the draft's own words (never variants).  0, or -1 on
 * failure. */
int variants_check(const stmtlint_host *host, const lexicon *lx, stmtlint_ctx *ctx,
                   const stmtlint_doc *doc, const vocab *defined, size_t check);

#endif
