/*
 * typography.h - what the parts of the typography plugin share: the checks,
 * one check of one draft, and the reading of its bytes as a reader sees
 * them.
 *
 * typography.c declares the plugin and runs the parts; repeated.c finds
 * doubled words; spacing.c spaces before punctuation, missing after a
 * full stop, and doubled inside a sentence; balance.c parentheses and
 * quotation marks left open or closed twice in a paragraph; quotes.c
 * straight and curly quotes mixed; dashes.c hyphens standing for dashes.
 * Every part reads only prose (doc->nonprose), so Markdown syntax is never
 * a finding.
 */
#ifndef STMTLINT_TYPOGRAPHY_H
#define STMTLINT_TYPOGRAPHY_H

#include <stddef.h>
#include <stdint.h>

#include "stmtlint/plugin.h"

/* The plugin's checks, in the order of its checks table (typography.c). */
enum typo_check {
	CHECK_REPEATED_WORD = 0,
	CHECK_SPACE_BEFORE,
	CHECK_MISSING_SPACE,
	CHECK_DOUBLE_SPACE,
	CHECK_UNBALANCED,
	CHECK_QUOTE_STYLE,
	CHECK_DASH
};

/* The plugin's state: read-only once init() has built it. */
typedef struct typo_state {
	char **doubles;         /* words that may stand twice ("had had"), normalised */
	size_t n_doubles;
} typo_state;

/* One check of one draft. */
typedef struct typo_run {
	const stmtlint_host *host;
	const typo_state *st;
	stmtlint_ctx *ctx;
	const stmtlint_doc *doc;
} typo_run;

/* Whether byte i of the draft is prose. */
static inline int typo_prose(const stmtlint_doc *doc, size_t i)
{
	return !doc->nonprose || doc->nonprose[i] == STMTLINT_NONPROSE_NONE;
}

/* The code point starting at byte i (0 at the end of the draft); sets *len. */
uint32_t typo_cp_at(const typo_run *r, size_t i, size_t *len);

/* The code point ending just before byte i (0 at the start); sets *len. */
uint32_t typo_cp_before(const typo_run *r, size_t i, size_t *len);

/* Whether cp is a space inside a line that takes room: ' ', a tab, a
 * no-break or other Unicode space (not a line end, not a zero-width space). */
int typo_inline_space(const typo_run *r, uint32_t cp);

/* Whether the straight mark at i is a prime, not a quotation mark: after a
 * digit and before a letter or digit (35°41'N, 5'10), or the inch mark of
 * a height in feet and inches (5'10"). */
int typo_prime(const typo_run *r, size_t i);

/* Whether the block is read as prose (not code, front matter or a comment). */
int typo_prose_block(const stmtlint_block *b);

/* The parts: each reports its own check.  Each returns 0, or -1 when out
 * of memory. */
int typo_repeated_words(const typo_run *r);
int typo_spacing(const typo_run *r);
int typo_balance(const typo_run *r);
int typo_quote_style(const typo_run *r);
int typo_dashes(const typo_run *r);

#endif
