/*
 * datestyle.h - the draft's date style (order, ordinal suffixes, month
 * abbreviations) and the dates written otherwise.
 */
#ifndef STMTLINT_DATESTYLE_H
#define STMTLINT_DATESTYLE_H

#include "dates.h"

/* What the profile asks of the style. */
typedef struct style_rules {
	dp_order preferred;      /* DP_ORDER_NONE: the draft's dominant order */
	int ordinals_allowed;    /* 0: every ordinal suffix is reported */
} style_rules;

/* Decides the draft's style from the dates of its text (the date line,
 * bylines and quotations do not vote) and reports the dates written
 * otherwise: a warning for a minority against a clear majority or the
 * profile, one note when the text has no clear majority, a note for a date
 * line written unlike the text.  `list` holds the n dates with their
 * contexts read.  Returns the order fix-its should write dates in. */
dp_order check_style(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                     const style_rules *rules, const found *list, size_t n);

#endif /* STMTLINT_DATESTYLE_H */
