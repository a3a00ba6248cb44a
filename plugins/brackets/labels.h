/*
 * labels.h - the bracketed labels a draft defines: Markdown link reference
 * definitions ("[label]: https://…") and footnotes ("[^1]: …" in Markdown,
 * "[1] …" at the start of a line in either format).  A bracket whose label
 * the draft defines is a reference link or a footnote mark, not text under
 * negotiation.
 */
#ifndef STMTLINT_BRACKET_LABELS_H
#define STMTLINT_BRACKET_LABELS_H

#include <stddef.h>

#include "stmtlint/plugin.h"

/* One definition: its bracket at the start of a line. */
typedef struct label_def {
	char *label;        /* normalised: ASCII lower case, white space as one space */
	size_t open;        /* offset of its '[' */
	size_t close;       /* offset of its ']' */
	int colon;          /* written "[label]:" (else "[1] text", a footnote) */
	int used;           /* a bracket elsewhere names it (set by label_lookup) */
} label_def;

typedef struct label_index {
	label_def *defs;    /* in draft order */
	size_t n;
	label_def **by_label; /* the definitions, sorted by label */
} label_index;

/* Collects the definitions of doc into *idx (zeroed first).  Returns 0, or
 * -1 when out of memory (idx then holds nothing to free). */
int labels_collect(const stmtlint_doc *doc, label_index *idx);

/* Frees what labels_collect() allocated; accepts a zeroed index. */
void labels_free(label_index *idx);

/* The definition whose bracket opens at `open`, or NULL. */
label_def *label_definition_at(const label_index *idx, size_t open);

/* The definition of the label text[start, end) (a bracket's content), or
 * NULL; marks it used. */
label_def *label_lookup(const label_index *idx, const char *text, size_t start, size_t end);

/* Whether text[start, end) is a footnote's label: digits ("1") or '^' and a
 * name ("^note"). */
int label_is_footnote(const char *text, size_t start, size_t end);

#endif
