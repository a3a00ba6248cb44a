/*
 * acrofit.c - fitting the letters of an acronym to the words of an
 * expansion (see acrofit.h).
 */
#include <limits.h>
#include <string.h>

#include "acrofit.h"

/* A cost no fit reaches. */
#define NO_FIT (INT_MAX / 4)

static const char *const stop_words[] = {
	"a", "an", "and", "at", "by", "de", "des", "du", "for", "from", "in", "la", "le", "of",
	"on", "the", "to", "with",
};

int af_is_stop_word(const char *s)
{
	size_t k;

	for (k = 0; k < sizeof(stop_words) / sizeof(stop_words[0]); k++)
		if (strcmp(s, stop_words[k]) == 0)
			return 1;
	return 0;
}

size_t af_letters(const char *s, size_t len, char *out)
{
	size_t n = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			continue;
		if (n == AF_MAX_LETTERS)
			return 0;
		out[n++] = c;
	}
	out[n] = '\0';
	return n;
}

/* Whether letters[0, m) are, in order, letters of w after its initial. */
static int later_letters(const char *w, const char *letters, size_t m)
{
	size_t i = 1;
	size_t k;

	for (k = 0; k < m; k++) {
		while (w[i] && w[i] != letters[k])
			i++;
		if (!w[i])
			return 0;
		i++;
	}
	return 1;
}

static int skip_cost(const af_word *w)
{
	return w->stop || w->part ? 0 : 1;
}

/* Fills cost[i][l]: the cheapest way to give letters[l, n_letters) to
 * words[i, n), every word taking nothing or its initial and later letters. */
static void fill_costs(const af_word *words, size_t n, const char *letters, size_t n_letters,
                       int cost[AF_MAX_WORDS + 1][AF_MAX_LETTERS + 1])
{
	size_t i = n;
	size_t l;

	for (l = 0; l <= n_letters; l++)
		cost[n][l] = l == n_letters ? 0 : NO_FIT;
	while (i-- > 0) {
		for (l = 0; l <= n_letters; l++) {
			int best = cost[i + 1][l] + skip_cost(&words[i]);
			size_t m;

			for (m = 1; l < n_letters && l + m <= n_letters; m++) {
				int c;

				if (words[i].text[0] != letters[l] ||
				    !later_letters(words[i].text, letters + l + 1, m - 1))
					break;
				c = (int)(m - 1) + cost[i + 1][l + m];
				if (c < best)
					best = c;
			}
			cost[i][l] = best < NO_FIT ? best : NO_FIT;
		}
	}
}

/* The cost of a fit whose first word is words[s], which takes at least the
 * first letter. */
static int cost_from(const af_word *words, size_t s, const char *letters, size_t n_letters,
                     int cost[AF_MAX_WORDS + 1][AF_MAX_LETTERS + 1])
{
	int best = NO_FIT;
	size_t m;

	if (words[s].text[0] != letters[0])
		return NO_FIT;
	for (m = 1; m <= n_letters; m++) {
		int c;

		if (!later_letters(words[s].text, letters + 1, m - 1))
			break;
		c = (int)(m - 1) + cost[s + 1][m];
		if (c < best)
			best = c;
	}
	return best;
}

int af_fit_before(const af_word *words, size_t n, const char *letters, size_t n_letters,
                  size_t *first)
{
	int cost[AF_MAX_WORDS + 1][AF_MAX_LETTERS + 1];
	int best = NO_FIT;
	size_t s;

	if (n == 0 || n > AF_MAX_WORDS || n_letters == 0 || n_letters > AF_MAX_LETTERS)
		return -1;
	fill_costs(words, n, letters, n_letters, cost);
	for (s = n; s-- > 0;) {
		int c;

		if (words[s].stop || words[s].part)
			continue;
		c = cost_from(words, s, letters, n_letters, cost);
		if (c < best) {
			best = c;
			*first = s;
		}
	}
	return best < NO_FIT ? best : -1;
}

int af_fit_after(const af_word *words, size_t n, const char *letters, size_t n_letters)
{
	int cost[AF_MAX_WORDS + 1][AF_MAX_LETTERS + 1];
	int c;

	if (n == 0 || n > AF_MAX_WORDS || n_letters == 0 || n_letters > AF_MAX_LETTERS)
		return -1;
	fill_costs(words, n, letters, n_letters, cost);
	c = cost_from(words, 0, letters, n_letters, cost);
	return c < NO_FIT ? c : -1;
}

int af_is_permutation(const af_word *words, size_t n, const char *letters, size_t n_letters)
{
	char initials[AF_MAX_LETTERS + 1];
	int counts[256] = {0};
	size_t got = 0;
	size_t i = n;
	size_t k;

	while (i-- > 0 && got < n_letters) {
		if (words[i].stop)
			continue;
		if (words[i].part || !words[i].capital)
			return 0;   /* hyphenated words abbreviate in more than one way; lower-case
			               words are no name */
		initials[n_letters - 1 - got++] = words[i].text[0];
	}
	if (got < n_letters || memcmp(initials, letters, n_letters) == 0)
		return 0;
	for (k = 0; k < n_letters; k++) {
		counts[(unsigned char)initials[k]]++;
		counts[(unsigned char)letters[k]]--;
	}
	for (k = 0; k < 256; k++)
		if (counts[k] != 0)
			return 0;
	return 1;
}
