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
	size_t offset;      /* where the comment names the rule (a bare comment: its
	                       directive word, with length 0), for messages */
	size_t length;
	size_t hits;        /* findings it silenced so far (suppress_match()) */
	int next_line;      /* from "stmtlint-disable-next-line": covers one line */
} suppression;

/* A comment word that starts with "stmtlint-" but is none of the directives:
 * text[offset, offset + length). */
typedef struct unknown_directive {
	size_t offset;
	size_t length;
} unknown_directive;

typedef struct suppress_set {
	suppression *items;  /* in document order */
	size_t n;
	size_t cap;
	size_t *by_rule;     /* indexes of items by rule, then first line */
	size_t *reach;       /* per entry of by_rule: the last line that it or an earlier
	                        entry of the same rule reaches */
	size_t *reach_item;  /* per entry of by_rule: the item that reaches reach[] */
	unknown_directive *unknown;  /* in document order */
	size_t n_unknown;
	size_t cap_unknown;
} suppress_set;

/* The directives, for suggestions: "stmtlint-disable", "stmtlint-enable",
 * "stmtlint-disable-next-line". */
#define SUPPRESS_N_DIRECTIVES 3
extern const char *const suppress_directives[SUPPRESS_N_DIRECTIVES];

/* Finds "<!-- stmtlint-disable RULE[,RULE] -->", "<!-- stmtlint-enable
 * [RULE] -->" and "<!-- stmtlint-disable-next-line RULE -->" in a draft, in
 * time n log n in the comments, and the comments whose first word starts
 * with "stmtlint-" but is no directive (in `unknown`); comments in code
 * blocks are text.  Returns 0, or -1 when out of memory (with
 * nothing left to free).  The caller frees with suppress_free(). */
int suppress_scan(const stmtlint_doc *doc, suppress_set *out);
/* Whether `rule` is silenced at `line` (0-based): by a suppression of every
 * rule, of the rule, or of the plugin before its '/'.  Time log n.  Counts
 * the finding in the `hits` of the suppressions that silence it: for each
 * of those names, the latest one that starts on or before the line and
 * covers it, and the one that reaches farthest (a nested suppression and
 * the range around it both count).  The counts are plain, not atomic: a
 * draft's plugins report one after another on one thread; were they run in
 * parallel on one draft, `hits` would have to become atomic. */
int suppress_match(suppress_set *set, const char *rule, size_t line);
void suppress_free(suppress_set *set);

#endif
