/*
 * wordiff.h - words of a text, normalized for typography, and a word-by-word
 * difference of two word sequences.
 *
 * Functions that use only the host's text helpers (set once with
 * wd_use_host()), so that they can be unit-tested with the host's table
 * alone (tests/unit/test_wordiff.c).
 *
 * A word is a run of word characters (the host's is_word_char()), with
 * apostrophes and hyphens inside it joined: "Commerce's",
 * "multi-stakeholder".  Its normalized form replaces curly apostrophes by
 * "'" and every dash kind by "-"; its folded form is the normalized form
 * case-folded by the host's fold_case().  Punctuation between words is not
 * part of any word.
 */
#ifndef STMTLINT_WORDIFF_H
#define STMTLINT_WORDIFF_H

#include <stddef.h>
#include <stdint.h>

#include <stmtlint/plugin.h>

/* One word: where it is in the tokenized text, and its normalized form. */
typedef struct wd_word {
	size_t start;     /* byte range [start, end) in the tokenized text */
	size_t end;
	size_t norm;      /* offset of the NUL-terminated normalized form in wd_words.buf */
	uint64_t hash;    /* hash of the folded form */
} wd_word;

/* A growable sequence of words; it owns its arrays. */
typedef struct wd_words {
	wd_word *v;
	size_t n;
	size_t cap;
	char *buf;        /* the normalized forms, each NUL-terminated */
	size_t len;
	size_t bufcap;
} wd_words;

/* A difference between an agreed word sequence a and a draft's b: the words
 * a[a_start, a_end) were replaced by b[b_start, b_end).  An empty a range is
 * an addition, an empty b range a drop. */
typedef struct wd_hunk {
	size_t a_start;
	size_t a_end;
	size_t b_start;
	size_t b_end;
} wd_hunk;

/* Results of wd_diff(). */
#define WD_OK 0
#define WD_NOMEM (-1)
#define WD_TOO_LARGE 1

/* Makes w empty, owning nothing. */
/* The host whose text helpers every function here uses; set before any
 * other call (the plugin's init()).  The host table lives as long as the
 * process. */
void wd_use_host(const stmtlint_host *host);
void wd_words_init(wd_words *w);
/* Forgets the words of w but keeps its memory for reuse. */
void wd_words_clear(wd_words *w);
/* Frees what w owns; w is empty afterwards. */
void wd_words_free(wd_words *w);

/* Appends the words of text[start, end) to w.  Returns 0, or -1 when out of
 * memory (w then holds the words appended so far). */
int wd_tokenize(wd_words *w, const char *text, size_t start, size_t end);

/* The normalized form of word i of w (owned by w). */
const char *wd_norm(const wd_words *w, size_t i);

/* Whether word i of a and word j of b are the same word ignoring ASCII case. */
int wd_equal_folded(const wd_words *a, size_t i, const wd_words *b, size_t j);

/* Whether a and b are the same words, where only the first word may differ
 * in letter case. */
int wd_same_wording(const wd_words *a, const wd_words *b);

/* Whether the words of needle occur in hay, from word index `from` on,
 * ignoring case.  Returns the index in hay of the first occurrence, or
 * SIZE_MAX.  An empty needle never matches. */
size_t wd_find(const wd_words *hay, size_t from, const wd_words *needle);

/* Whether the words of needle occur in hay at word index `at`, ignoring
 * case.  An empty needle never matches. */
int wd_match_at(const wd_words *hay, size_t at, const wd_words *needle);

/* The end of the item text in text[start, end) without the trailing
 * list joiner: white space, then one of ".", ";", ",", "; and", ", and",
 * "; or", ", or", "and", "or" at the very end.  Returns the offset just after
 * the last byte of the text that stays (never before start). */
size_t wd_trim_joiner(const char *text, size_t start, size_t end);

/* Computes the word-by-word difference of a (agreed) and b (draft) as the
 * hunks left over by a longest common subsequence, where the first words
 * compare ignoring case and the others exactly.  On WD_OK sets *hunks to a
 * malloc'ed array the caller frees (NULL when there is no difference) and
 * *n_hunks.  Returns WD_TOO_LARGE, with nothing allocated, when the part
 * that differs needs more than max_cells table cells; WD_NOMEM when out of
 * memory. */
int wd_diff(const wd_words *a, const wd_words *b, size_t max_cells, wd_hunk **hunks,
            size_t *n_hunks);

/* The value of a count written as a numeral ("5") or a number word from
 * "one" to "twenty" in any letter case, in s[0, len).  Returns -1 when it is
 * neither. */
int wd_count_value(const char *s, size_t len);

#endif /* STMTLINT_WORDIFF_H */
