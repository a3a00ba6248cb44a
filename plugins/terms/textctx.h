/*
 * textctx.h - where a span of a draft's prose sits: in which block, at the
 * start of a sentence, in a heading, in ALL CAPS, inside a capitalised
 * name, inside quotation marks.  Shared by the `terms` and `acronyms`
 * plugins (each links its own copy); everything here reads the document
 * the host owns and allocates nothing.
 */
#ifndef STMTLINT_TEXTCTX_H
#define STMTLINT_TEXTCTX_H

#include <stddef.h>

#include <stmtlint/plugin.h>

/* The index of the block whose span holds byte `offset`, or -1. */
long tc_block_at(const stmtlint_doc *doc, size_t offset);

/* Whether block `block` is a heading: the title, a heading, a numbered
 * section heading, or a one-line paragraph whose words all start with a
 * capital (a bold line used as a heading), where words are capitalised for
 * the heading and not for what they are. */
int tc_is_heading(const stmtlint_host *host, const stmtlint_doc *doc, long block);

/* What the functions below found about the last block and line they read,
 * so that asking again about the same block costs nothing: one per check of
 * one draft, owned by the caller (tc_cache_init, tc_cache_free). */
typedef struct tc_cache {
	long caps_block;           /* the block whose ALL-CAPS answer is kept, or -1 */
	int caps_block_value;
	size_t caps_line;          /* the line whose answer is kept, or (size_t)-1 */
	int caps_line_value;
	long quote_block;          /* the block whose quotations are kept, or -1 */
	stmtlint_span *quotes;     /* its quotations, in order */
	size_t n_quotes;
	size_t cap_quotes;
} tc_cache;

/* Makes an empty cache; tc_cache_free() frees what it holds (not the cache
 * itself) and leaves it empty, ready for another draft. */
void tc_cache_init(tc_cache *cache);
void tc_cache_free(tc_cache *cache);

/* Whether the line holding `offset`, or the whole block `block`, is written
 * in capitals: at least two words of two or more letters and no lower-case
 * letter.  Such text shouts a heading; its words are not acronyms and its
 * case says nothing about how a term is written. */
int tc_is_all_caps(const stmtlint_doc *doc, tc_cache *cache, long block, size_t offset);

/* Whether nothing but marks, digits and punctuation stands between the start
 * of the sentence (or of block `block`'s content) and `offset`: a word
 * starting there is capitalised for its place. */
int tc_starts_sentence(const stmtlint_host *host, const stmtlint_doc *doc, long block,
                       size_t offset);

/* Whether [start, end) stands inside a capitalised name: the word just
 * after it, or the word before it (only white space between, and not the
 * first word of a sentence), starts with a capital letter; the words "of",
 * "the", "for" and "on" may stand between ("the Future of the Internet").
 * Sets *neighbour to that capitalised word. */
int tc_in_name(const stmtlint_host *host, const stmtlint_doc *doc, long block, size_t start,
               size_t end, stmtlint_span *neighbour);

/* Whether `offset` lies between an opening and a closing quotation mark of
 * block `block` (“…” or "…").  When out of memory, answers no. */
int tc_in_quotes(const stmtlint_doc *doc, tc_cache *cache, long block, size_t offset);

/* Whether the code point at text[offset] is a capital letter. */
int tc_is_capital_at(const stmtlint_host *host, const stmtlint_doc *doc, size_t offset);

/* Writes s[0, len) normalised for comparison into out (at most outlen-1
 * bytes and a NUL): white space runs as one space (none at the ends),
 * U+2010/U+2011 as '-'; when `fold`, also case-folded and with U+2019 as
 * "'".  Returns the length the whole result needs (as snprintf does). */
size_t tc_normalize(const stmtlint_host *host, const char *s, size_t len, int fold, char *out,
                    size_t outlen);

#endif
