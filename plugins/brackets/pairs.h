/*
 * pairs.h - the square brackets a reader of a draft sees, paired.
 *
 * A bracket is visible when it is prose (doc->nonprose says so: not a
 * Markdown link's "[" or "]", not in code, a URL, a comment or front
 * matter), or when it is text between the tags of a raw HTML block, which
 * a reader of the published page sees too; not the '[' or ']' of a
 * terminal control sequence (ESC [, ESC ]).  Brackets pair as they nest,
 * across lines and paragraphs alike; what is left unpaired is listed apart.
 */
#ifndef STMTLINT_BRACKET_PAIRS_H
#define STMTLINT_BRACKET_PAIRS_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "labels.h"

/* One pair: the offsets of its '[' and of its ']' in doc->text. */
typedef struct bracket_pair {
	size_t open;
	size_t close;
} bracket_pair;

/* The brackets of one draft. */
typedef struct bracket_scan {
	bracket_pair *pairs;    /* every pair, ordered by its '[' */
	size_t n_pairs;
	size_t *stray;          /* every unpaired '[' or ']', in draft order */
	size_t n_stray;
} bracket_scan;

/* Pairs the visible brackets of doc into *scan (zeroed first).  A Markdown
 * link the host read whose target is none ("[welcomed](see below)") or
 * whose label `labels` does not define ("[welcomed][noted]") is text, and
 * its brackets are visible.  Returns 0, or -1 when out of memory (scan then
 * holds nothing to free).  The caller frees the result with
 * bracket_scan_free(). */
int bracket_scan_doc(const stmtlint_doc *doc, const label_index *labels, bracket_scan *scan);

/* Frees what bracket_scan_doc() allocated; accepts a zeroed scan. */
void bracket_scan_free(bracket_scan *scan);

/* The index of the last block of doc that starts at or before `offset`,
 * or SIZE_MAX when none does. */
size_t bracket_block_at(const stmtlint_doc *doc, size_t offset);

#endif
