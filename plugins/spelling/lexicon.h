/* lexicon.h - what the spelling plugin knows: the dictionaries of the
 * configuration's language and its vocabulary, and what it suggests for a
 * word it does not know.  The state is built by init() and read by any
 * number of checks at once; the dictionaries lock themselves. */
#ifndef SPELLING_LEXICON_H
#define SPELLING_LEXICON_H

#include <pthread.h>

#include "sources.h"
#include "stmtlint/plugin.h"
#include "vocab.h"
#include "spelldict.h"

/* The dictionaries of a language: en_US and en_GB for "en". */
enum { LEXICON_PRIMARY = 0, LEXICON_SECONDARY = 1, LEXICON_DICTS = 2 };

/* The answers of the dictionaries this configuration has had, shared by
 * the threads checking its drafts: read under a read lock, so that a word
 * met before never waits for the dictionary's lock (Hunspell answers one
 * thread at a time). */
typedef struct answer_cache {
	pthread_rwlock_t lock;
	void *tree[LEXICON_DICTS];                    /* tsearch trees of "K" + word, K '0' or '1' */
	size_t n;
} answer_cache;

typedef struct lexicon {
	const stmtlint_resource *dict[LEXICON_DICTS]; /* the host's; [SECONDARY] NULL unless "en" */
	answer_cache *answers;                        /* lexicon_answers_new() */
	char dict_name[LEXICON_DICTS][32];            /* "en_US", "en_GB" */
	vocab words;                                  /* every source's words */
	pair_table pairs;                             /* U.S./British pairs */
	int suggestions;                              /* compute suggestions (option) */
} lexicon;

/* A new, empty answer cache for lx->answers; NULL when out of memory. */
answer_cache *lexicon_answers_new(void);
/* Frees lx->answers (NULL is fine). */
void lexicon_answers_free(answer_cache *a);

/* 1 when dictionary `which` knows word, 0 when not (or when the language
 * has no such dictionary), -1 when it could not be loaded. */
int lexicon_dict_knows(const stmtlint_host *host, const lexicon *lx, int which, const char *word);
/* 1 when a dictionary of the language or the vocabulary (or `more`, which
 * may be NULL) knows word, 0 when not, -1 on failure. */
int lexicon_knows(const stmtlint_host *host, const lexicon *lx, const vocab *more, const char *word);
/* Like lexicon_knows(), with the first dictionary only: for a name inside a
 * sentence, which does not make a U.S. draft load the British dictionary
 * (a capitalised word that only it knows, "Programme", is part of a name). */
int lexicon_knows_name(const stmtlint_host *host, const lexicon *lx, const vocab *more,
                       const char *word);

/* Looks for the other side's spelling of word: each way U.S. and British
 * spellings differ ("labor"/"labour", "-ize"/"-ise", …), U.S. to British
 * when to_gb, else back, at each place, kept when the other side's
 * dictionary knows the result.  Fills out (VOCAB_WORD_MAX + 1 bytes) and
 * *ize (whether it was -ize/-ise) and returns 1 when found, 0 when not, -1
 * on failure. */
int lexicon_rewrite(const stmtlint_host *host, const lexicon *lx, const char *word, int to_gb,
                    char *out, int *ize);

/* Whether s[0, len) can be a part of a run-together word: a known word of
 * at least three letters, or one of the short words sentences run
 * together ("of", "a").  1, 0, or -1 on failure. */
int lexicon_part_known(const stmtlint_host *host, const lexicon *lx, const vocab *more,
                       const char *s, size_t len);

/* Where an unknown word splits into two known words ("providefunds" at 7).
 * Returns the number of ways it splits (0 when none), with the best (both
 * parts longest) in *at; -1 on failure.  A part is a word of at least
 * three letters or one of the short words sentences run together. */
int lexicon_split(const stmtlint_host *host, const lexicon *lx, const vocab *more,
                  const char *word, size_t *at);

/* Room for the suggestions of one word. */
typedef struct suggestions {
	char word[SPELLDICT_MAX_SUGGESTIONS][VOCAB_WORD_MAX * 2 + 1];
	int distance[SPELLDICT_MAX_SUGGESTIONS]; /* from the word: 2 per letter dropped, doubled
	                                            or swapped, 3 per wrong letter */
	int n;
	int close;                  /* the first is one word, a slip or two away (two for a
	                               long word): "colour" is "color" under en_US, not
	                               "col our" */
	int clear;                  /* ... and no other is as close: clearly the word meant */
} suggestions;

/* What a letter dropped, doubled or swapped costs (edit distance). */
#define LEXICON_ONE_SLIP 2

/* Whether s[0, len) is one of the commonest words ("the", "to", "those"),
 * which drafts run into their neighbours. */
int lexicon_function_word(const char *s, size_t len);

/* Fills *out with the dictionaries' suggestions for word, the closest
 * first, with out->close and out->clear.  0, or -1 on failure. */
int lexicon_suggest(const stmtlint_host *host, const lexicon *lx, const char *word,
                    suggestions *out);

#endif
