/* vocab.h - a set of words a dictionary lacks: the vocabulary of
 * statements, the registry's names, the profile's and the repository's
 * words, the acronyms a draft defines.  Built by one thread, then read by
 * any number at once (vocab_has() only reads). */
#ifndef SPELLING_VOCAB_H
#define SPELLING_VOCAB_H

#include <stddef.h>

/* The longest word kept (bytes); longer ones are no words of prose. */
#define VOCAB_WORD_MAX 64

typedef struct vocab {
	void *root;                 /* tsearch tree of char * (owned) */
	size_t n;
} vocab;

/* Adds s[0, len) (copied); a word already there, an empty one or one longer
 * than VOCAB_WORD_MAX is left out.  0, or -1 when out of memory. */
int vocab_add(vocab *v, const char *s, size_t len);
/* Adds every word of a name ("Ministry of Economy, Trade and Industry"):
 * the runs of letters, digits, apostrophes and hyphens between spaces and
 * punctuation, each hyphenated compound also as its parts.  0 or -1. */
int vocab_add_words_of(vocab *v, const char *name);
/* As vocab_add_words_of(), but leaves out the words written in lower-case
 * ASCII letters only ("of", "center" in "National center of Incident
 * readiness ..."): a name vouches for its proper words, not for ordinary
 * words, whose spelling the dictionary of the language decides.  0 or -1. */
int vocab_add_proper_words_of(vocab *v, const char *name);
/* Adds the words of a word list file: one per line, '#' starts a comment
 * line, white space around a word is dropped.  0, or -1 with the reason in
 * why. */
int vocab_read_file(vocab *v, const char *path, char *why, size_t whylen);
/* Whether `word` is in the set as written, or is the capitalised form of a
 * word in it ("Cybersecurity" for "cybersecurity"), or the plural in -s of
 * either. */
int vocab_has(const vocab *v, const char *word);
/* Frees every word; the set is empty afterwards. */
void vocab_free(vocab *v);

#endif
