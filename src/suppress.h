/* suppress.h - suppression comments in drafts. */
#ifndef STMTLINT_SUPPRESS_H
#define STMTLINT_SUPPRESS_H

#include <stddef.h>

#include "stmtlint/plugin.h"

/* One rule (or all rules, when rule is empty) silenced over lines [first, last]. */
typedef struct suppression {
	char *rule;         /* "structure", "structure/bullets", or "" for all */
	size_t first_line;  /* 0-based, inclusive */
	size_t last_line;   /* 0-based, inclusive; (size_t)-1 for "to the end" */
	size_t offset;      /* where the comment names the rule, for messages */
	size_t length;
} suppression;

typedef struct suppress_set {
	suppression *items;  /* in document order */
	size_t n;
	size_t cap;
	size_t *by_rule;     /* indexes of items by rule, then first line */
	size_t *reach;       /* per entry of by_rule: the last line that it or an earlier
	                        entry of the same rule reaches */
} suppress_set;

/* Finds "<!-- stmtlint-disable RULE[,RULE] -->", "<!-- stmtlint-enable
 * [RULE] -->" and "<!-- stmtlint-disable-next-line RULE -->" in a draft, in
 * time n log n in the comments.  Returns 0, or -1 when out of memory (with
 * nothing left to free).  The caller frees with suppress_free(). */
int suppress_scan(const stmtlint_doc *doc, suppress_set *out);
/* Whether `rule` is silenced at `line` (0-based): by a suppression of every
 * rule, of the rule, or of the plugin before its '/'.  Time log n. */
int suppress_match(const suppress_set *set, const char *rule, size_t line);
void suppress_free(suppress_set *set);

#endif
