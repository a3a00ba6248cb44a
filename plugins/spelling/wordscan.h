/* wordscan.h - the words of a draft as a reader sees them.
 *
 * A word is a run of letters, digits and marks of prose, joined by inner
 * apostrophes (straight or curly) and hyphens, with soft hyphens and
 * zero-width characters inside it dropped, ligatures ("ﬁ") spelled out,
 * and Markdown markers and HTML tags inside it skipped: "I**nvestment**"
 * is the one word "Investment", "76<sup>th</sup>" the token "76th".  Words in a run of characters that reads as an address, a
 * path or an identifier ("whitehouse.gov", "name@example.org", "a_b") are
 * not given.  Besides prose, the front matter's title is read. */
#ifndef SPELLING_WORDSCAN_H
#define SPELLING_WORDSCAN_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "vocab.h"

/* One word.  text[i] came from the character at [from[i], to[i]) of the
 * draft's text (several bytes of text share a character's offsets). */
typedef struct scan_word {
	char text[VOCAB_WORD_MAX + 1];  /* as read: ’ written ', hyphens as '-', NUL-terminated */
	size_t len;
	size_t from[VOCAB_WORD_MAX];
	size_t to[VOCAB_WORD_MAX];
	int sentence_start;             /* the first word of its sentence or title */
} scan_word;

/* Called for each word; returns 0 to go on, -1 to stop the scan. */
typedef int (*scan_fn)(void *arg, const scan_word *word);

/* Calls fn for each word of doc's prose (and front matter title), in
 * order.  Words longer than VOCAB_WORD_MAX bytes are skipped.  Returns 0,
 * or -1 when fn stopped it. */
int scan_words(const stmtlint_host *host, const stmtlint_doc *doc, scan_fn fn, void *arg);

/* Called for each part [a, b) of word->text. */
typedef int (*part_fn)(void *arg, const scan_word *word, size_t a, size_t b);

/* Calls fn for each part of a word as it is checked: without a possessive
 * ("partners'", "Japan's") or a French elision ("d'Ivoire"), and each part of
 * a hyphenated compound on its own.  Returns 0, or -1 when fn stopped. */
int scan_parts(const scan_word *word, part_fn fn, void *arg);

#endif
