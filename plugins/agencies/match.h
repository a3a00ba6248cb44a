/* match.h - a draft's words as the agencies plugin compares them with the
 * registry's names: exact matches, and near misses (a name with one word
 * misspelt, "of" for "for", another spelling of an international body's
 * name). */
#ifndef AGENCIES_MATCH_H
#define AGENCIES_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "stmtlint/plugin.h"
#include "registry.h"

/* draft_word flags */
#define DW_CAPITAL 0x1u   /* starts with a capital letter or a digit */
#define DW_POSSESSIVE 0x2u /* was written with "'s" or "'" after it (not part of end) */
#define DW_BARRIER 0x4u   /* no name goes on past it: a blank line, a URL, code, a dash,
                             quotes or more punctuation than a name holds follow it */
#define DW_LINE_END 0x8u  /* a line ends between it and the next word */

/* One word of prose. */
typedef struct draft_word {
	size_t start;                 /* in doc->text */
	size_t end;                   /* without a possessive "'s" */
	const char *norm;             /* normalised (host word_normalize), possessive dropped */
	size_t len;
	uint32_t hash;
	char gap[REG_MAX_GAP + 1];    /* punctuation before the next word, without spaces */
	unsigned flags;
} draft_word;

typedef struct draft {
	draft_word *words;
	size_t n;
	char *norms;                  /* the normalised words, one after another */
} draft;

/* Reads the prose words of doc into d (the caller's, freed with
 * draft_free()).  Returns 0, or -1 when memory ran out. */
int draft_read(const stmtlint_host *host, const stmtlint_doc *doc, draft *d);
void draft_free(draft *d);

/* Whether draft word w is registry word r (normalised text). */
int word_equal(const draft_word *w, const reg_word *r);

/* The longest form whose words and punctuation are the draft's from word i
 * on: sets *form and returns its number of words, or 0 for none.  The
 * first word must be written with a capital; no word but the last may be a
 * possessive; no barrier inside. */
size_t match_exact(const registry *reg, const draft *d, size_t i, size_t *form);

/* Whether the draft's words from `start` on are a near miss of form `f`
 * (a NAME or ALSO form, as many words): at least one difference, every
 * difference small (one word misspelt by a letter or two or a plural, a
 * comma; for an international body also "of" for "for" and another
 * spelling: "Organization", "Cooperation"), no difference in a word that
 * says what kind of body it is, and none that only changes the spelling
 * to another country's ("Defence", "Labour": a national body of another
 * government) -- unless `own` says the draft names the body's government
 * right before it ("Japan's Ministry of Defence"). */
int match_near(const registry *reg, const draft *d, size_t start, size_t f, int own);

#endif
