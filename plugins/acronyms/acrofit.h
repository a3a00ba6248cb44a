/*
 * acrofit.h - whether the words of an expansion fit the letters of an
 * acronym: "Ministry of Internal Affairs and Communications" for MIC,
 * "Japan Computer Emergency Response Team Coordination Center" for
 * JPCERT/CC, not "National Institute of Standards and Technology" for NTIS.
 */
#ifndef STMTLINT_ACROFIT_H
#define STMTLINT_ACROFIT_H

#include <stddef.h>

/* Most letters of an acronym that are fitted; a longer one fits nothing. */
#define AF_MAX_LETTERS 16
/* Most words (hyphenated parts counted one by one) an expansion may have. */
#define AF_MAX_WORDS 24

/* A word of an expansion: its letters and digits, lower case, ASCII (other
 * characters dropped), and where it is. */
typedef struct af_word {
	char text[48];
	size_t start;       /* byte span in the draft */
	size_t end;
	int stop;           /* a short word that an acronym may skip: of, and, the, ... */
	int part;           /* a hyphenated word's second or later part ("operation" of
	                       "Co-operation"), which an acronym may skip */
	int capital;        /* written with a capital initial */
} af_word;

/* Writes the letters and digits of acronym s[0, len) in lower case into
 * out (room for AF_MAX_LETTERS + 1); returns their number, or 0 when there
 * are more than AF_MAX_LETTERS. */
size_t af_letters(const char *s, size_t len, char *out);

/* Fits `letters` to words[0, n) that end the expansion (the words before
 * "(ACR)"): the expansion starts at a word whose initial is the first letter;
 * each word gives the acronym nothing or its initial and then, in order,
 * later letters of it.  Cost: one for each inner letter taken and for each
 * word skipped (stop words and later parts of a hyphenated word are free).
 * Returns the cheapest cost (the shortest expansion on a tie) and sets
 * *first to its first word, or returns -1 when no way fits. */
int af_fit_before(const af_word *words, size_t n, const char *letters, size_t n_letters,
                  size_t *first);

/* Like af_fit_before(), for words that follow "ACR (": the expansion starts
 * at words[0] and ends at words[n - 1]. */
int af_fit_after(const af_word *words, size_t n, const char *letters, size_t n_letters);

/* Whether `letters` are the initials of the last n_letters words that are
 * not stop words, all capitalised and none hyphenated, in another order (NTIS for National Institute of Standards
 * and Technology): a slip, not another way to abbreviate. */
int af_is_permutation(const af_word *words, size_t n, const char *letters, size_t n_letters);

/* Whether s is a short word that acronyms skip ("of", "and", "the"). */
int af_is_stop_word(const char *s);

#endif
