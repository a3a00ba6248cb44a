/*
 * acrodefs.c - acronyms written as their own definition (see acrodefs.h).
 */
#include <stdint.h>
#include <string.h>

#include "acrodefs.h"
#include "acrofit.h"
#include "acronames.h"
#include "textctx.h"

/* Cost of the dearest fit read as a definition "ACR (Full Name)": beyond
 * it the parenthesis is an aside, not an expansion. */
#define MAX_BEFORE_NAME_COST 2
/* Bytes before "(ACR)", or after "ACR (", read for an expansion: far more
 * than AF_MAX_WORDS words take, so that a huge paragraph costs no more. */
#define MAX_EXPANSION_BYTES 600
/* Words before a registered name read for the letters an extended acronym
 * adds to the registered one: "U.S." is two. */
#define NAME_QUALIFIER_WORDS 2
/* Bytes of a normalised expansion window compared with registered names. */
#define MAX_WINDOW_BYTES 1024

static int is_ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether prose[i] ends (or starts) an expansion: punctuation that no name
 * crosses. */
static int stops_expansion(char c)
{
	return c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
	       c == '[' || c == ']' || c == '"';
}

/* Fills w from prose[start, end) (one word or hyphen part). */
static void make_word(const stmtlint_doc *doc, size_t start, size_t end, int part, af_word *w)
{
	size_t n = 0;
	size_t i;

	for (i = start; i < end && n + 1 < sizeof(w->text); i++) {
		char c = doc->prose[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (is_ascii_alnum(c))
			w->text[n++] = c;
	}
	/* A possessive "'s" or "’s" is no letter of the name. */
	if (end - start >= 3 && doc->prose[end - 1] == 's' &&
	    (doc->prose[end - 2] == '\'' || (end - start >= 5 && memcmp(doc->prose + end - 4,
	                                                               "\xE2\x80\x99", 3) == 0)) &&
	    n > 0)
		n--;
	w->text[n] = '\0';
	w->start = start;
	w->end = end;
	w->part = part;
	w->stop = !part && af_is_stop_word(w->text);
	w->capital = doc->prose[start] >= 'A' && doc->prose[start] <= 'Z';
}

/* The length of the word character at prose[i] (a letter, a digit, an
 * apostrophe straight or curly), or 0. */
static size_t word_char_at(const stmtlint_host *host, const stmtlint_doc *doc, size_t i,
                           size_t to)
{
	unsigned char c = (unsigned char)doc->prose[i];
	uint32_t cp;
	size_t n;

	if (c < 0x80)
		return is_ascii_alnum((char)c) || c == '\'' ? 1 : 0;
	n = host->utf8_decode(doc->prose + i, to - i, &cp);
	return host->is_word_char(cp) || cp == 0x2019 ? n : 0;
}

/* Collects the words in [from, to) of doc, hyphenated words by parts,
 * into words (at most AF_MAX_WORDS: the last ones when `last`, else the
 * first ones); returns their number. */
static size_t collect_words(const stmtlint_host *host, const stmtlint_doc *doc, size_t from,
                            size_t to, int last, af_word *words)
{
	af_word all[AF_MAX_WORDS + 1];
	size_t n = 0;
	size_t i = from;

	while (i < to) {
		size_t j = i;
		size_t k;
		int part;

		if (word_char_at(host, doc, i, to) == 0) {
			i++;
			continue;
		}
		part = i >= from + 2 && (doc->prose[i - 1] == '-' || doc->prose[i - 1] == '/') &&
		       is_ascii_alnum(doc->prose[i - 2]);
		while (j < to && (k = word_char_at(host, doc, j, to)) > 0)
			j += k;
		if (n == AF_MAX_WORDS + 1) {
			if (!last)
				break;
			memmove(all, all + 1, (n - 1) * sizeof(all[0]));
			n--;
		}
		make_word(doc, i, j, part, &all[n++]);
		i = j;
	}
	if (n > AF_MAX_WORDS) {
		if (last)
			memmove(all, all + 1, AF_MAX_WORDS * sizeof(all[0]));
		n = AF_MAX_WORDS;
	}
	memcpy(words, all, n * sizeof(all[0]));
	return n;
}

/* Words that may follow an acronym inside its definition, naming what
 * kind of thing it is: "(EXIM Bank)", "(ICE Pact)". */
static const char *const generic_words[] = {
	"Act", "Agreement", "Bank", "Center", "Centre", "Dialogue", "Facility", "Forum",
	"Framework", "Fund", "Initiative", "Pact", "Partnership", "Plan", "Platform", "Program",
	"Programme", "Project", "Strategy",
};

/* The end of a generic word written at prose[i] after one space, or i. */
static size_t after_generic_word(const stmtlint_doc *doc, size_t i)
{
	size_t k;

	if (i >= doc->length || doc->prose[i] != ' ')
		return i;
	for (k = 0; k < sizeof(generic_words) / sizeof(generic_words[0]); k++) {
		size_t len = strlen(generic_words[k]);

		if (i + 1 + len < doc->length && memcmp(doc->prose + i + 1, generic_words[k], len) == 0 &&
		    doc->prose[i + 1 + len] == ')')
			return i + 1 + len;
	}
	return i;
}

/* The offset of the "(" just before t (only a quotation mark between), or
 * (size_t)-1; the ")" must follow t's plural, again with at most a mark,
 * or a generic word (sets *generic). */
static size_t paren_before(const stmtlint_doc *doc, const acro_token *t, int *generic)
{
	size_t open = t->start;
	size_t close = t->after;
	size_t word;

	if (open >= 3 && memcmp(doc->prose + open - 3, "\xE2\x80\x9C", 3) == 0)
		open -= 3;
	else if (open >= 1 && doc->prose[open - 1] == '"')
		open--;
	if (close + 3 <= doc->length && memcmp(doc->prose + close, "\xE2\x80\x9D", 3) == 0)
		close += 3;
	else if (close < doc->length && doc->prose[close] == '"')
		close++;
	word = after_generic_word(doc, close);
	*generic = word != close;
	close = word;
	if (open == 0 || doc->prose[open - 1] != '(' || close >= doc->length ||
	    doc->prose[close] != ')')
		return (size_t)-1;
	return open - 1;
}

/* Whether prose[i] is the full stop of an abbreviation that a name
 * crosses: one capital letter before it, itself after no letter ("U.S.",
 * "D.C."). */
static int abbreviation_stop(const stmtlint_doc *doc, size_t i, size_t floor)
{
	return doc->prose[i] == '.' && i >= floor + 1 && doc->prose[i - 1] >= 'A' &&
	       doc->prose[i - 1] <= 'Z' && (i == floor + 1 || !is_ascii_alnum(doc->prose[i - 2]));
}

/* The start of the stretch of text before `paren` that an expansion can
 * come from: back to punctuation no name crosses, or the block's start. */
static size_t window_start(const stmtlint_doc *doc, size_t paren, size_t floor)
{
	size_t i = paren;

	if (paren - floor > MAX_EXPANSION_BYTES)
		floor = paren - MAX_EXPANSION_BYTES;
	while (i > floor && (!stops_expansion(doc->prose[i - 1]) || abbreviation_stop(doc, i - 1, floor)))
		i--;
	return i;
}

/* The registered pair whose name ends the words words[0, n) (the longest
 * such name), or NULL. */
static const ak_pair *registered_name(const stmtlint_host *host, const stmtlint_doc *doc,
                                      const acro_known *known, const af_word *words, size_t n)
{
	char window[MAX_WINDOW_BYTES];
	const ak_pair *best = NULL;
	size_t len;
	size_t i;

	if (n == 0 || known->n_pairs == 0)
		return NULL;
	len = tc_normalize(host, doc->prose + words[0].start, words[n - 1].end - words[0].start, 1,
	                   window, sizeof(window));
	if (len >= sizeof(window))
		return NULL;
	for (i = 0; i < known->n_pairs; i++) {
		const ak_pair *p = &known->pairs[i];
		size_t k = strlen(p->key);

		if (k > len || strcmp(window + len - k, p->key) != 0)
			continue;
		if (k < len && window[len - k - 1] != ' ')
			continue;
		if (!best || k > strlen(best->key))
			best = p;
	}
	return best;
}

/* Whether the registry pairs acronym s[0, len) with the name key. */
static int registry_pairs(const acro_known *known, const char *s, size_t len, const char *key)
{
	size_t n;
	const ak_pair *p = ak_pairs_of(known, s, len, &n);
	size_t i;

	for (i = 0; p && i < n; i++)
		if (strcmp(p[i].key, key) == 0)
			return 1;
	return 0;
}

/* Whether letters[0, n_letters) hold, as one run, an acronym the registry
 * gives the name `key`, and the letters around that run are, in order,
 * initials of words[0, n): "USEXIM" for "Export-Import Bank of the United
 * States", whose acronym is EXIM. */
static int extends_registered(const acro_known *known, const char *key, const af_word *words,
                              size_t n, const char *letters, size_t n_letters)
{
	size_t i;

	for (i = 0; i < known->n_pairs; i++) {
		char own[AF_MAX_LETTERS + 1];
		char rest[AF_MAX_LETTERS + 1];
		const char *at;
		size_t n_own;
		size_t n_rest;
		size_t w = 0;
		size_t r = 0;

		if (strcmp(known->pairs[i].key, key) != 0)
			continue;
		n_own = af_letters(known->pairs[i].acronym, strlen(known->pairs[i].acronym), own);
		if (n_own < 2 || n_own >= n_letters || !(at = strstr(letters, own)))
			continue;
		n_rest = (size_t)(at - letters);
		memcpy(rest, letters, n_rest);
		memcpy(rest + n_rest, at + n_own, n_letters - n_rest - n_own);
		n_rest = n_letters - n_own;
		for (w = 0; w < n && r < n_rest; w++)
			if (!words[w].stop && !words[w].part && words[w].text[0] == rest[r])
				r++;
		if (r == n_rest)
			return 1;
	}
	return 0;
}

/* The first word of words[0, n) that begins the last `count` space-
 * separated words of a name. */
static size_t name_first_word(const af_word *words, size_t n, const char *key)
{
	size_t spaces = 0;
	size_t i;

	for (i = 0; key[i]; i++)
		spaces += key[i] == ' ';
	i = n;
	while (i-- > 0) {
		if (words[i].part)
			continue;
		if (spaces-- == 0)
			return i;
	}
	return 0;
}

/* Judges "Full Name (ACR)": t follows "(" at `paren`. */
static void judge_after_name(const stmtlint_host *host, const stmtlint_doc *doc,
                             const acro_known *known, const acro_token *t, size_t paren,
                             acro_def *def)
{
	af_word words[AF_MAX_WORDS];
	char letters[AF_MAX_LETTERS + 1];
	long block = tc_block_at(doc, paren);
	size_t floor = block >= 0 ? doc->blocks[block].span.start : 0;
	size_t n_letters = af_letters(doc->prose + t->start, t->end - t->start, letters);
	size_t n;
	size_t first;
	const ak_pair *named;
	def->kind = AD_AFTER_NAME;
	def->fit = AD_UNFITTED;
	n = collect_words(host, doc, window_start(doc, paren, floor), paren, 1, words);
	if (n == 0 || n_letters == 0)
		return;
	named = registered_name(host, doc, known, words, n);
	first = named ? name_first_word(words, n, named->key) : 0;
	if (named && an_tail_of_other(doc, words[first].start))
		named = NULL;   /* "Puerto Rico Department of Education": another body */
	/* The name's words, and two before it that may name its government
	 * ("U.S."), give the letters an extended acronym adds. */
	first = first > NAME_QUALIFIER_WORDS ? first - NAME_QUALIFIER_WORDS : 0;
	if (named) {
		if (registry_pairs(known, doc->prose + t->start, t->end - t->start, named->key) ||
		    extends_registered(known, named->key, words + first, n - first, letters, n_letters)) {
			def->fit = AD_FITS;
			def->exp_start = words[name_first_word(words, n, named->key)].start;
			def->exp_end = words[n - 1].end;
			return;
		}
		def->fit = AD_REGISTERED_OTHER;
		def->registered = named;
		def->exp_start = words[name_first_word(words, n, named->key)].start;
		def->exp_end = words[n - 1].end;
		return;
	}
	if (af_is_permutation(words, n, letters, n_letters)) {
		size_t i = n;
		size_t got = 0;

		def->fit = AD_PERMUTED;
		while (i-- > 0 && got < n_letters) {
			if (words[i].stop)
				continue;
			def->initials[n_letters - 1 - got++] = (char)(words[i].text[0] - 'a' + 'A');
			def->exp_start = words[i].start;
		}
		def->initials[n_letters] = '\0';
		def->exp_end = words[n - 1].end;
		return;
	}
	if (af_fit_before(words, n, letters, n_letters, &first) >= 0) {
		def->fit = AD_FITS;
		def->exp_start = words[first].start;
		def->exp_end = words[n - 1].end;
	}
}

/* Judges "ACR (Full Name)": the words in the parenthesis after t must fit. */
static void judge_before_name(const stmtlint_host *host, const stmtlint_doc *doc, const acro_token *t, acro_def *def)
{
	af_word words[AF_MAX_WORDS];
	char letters[AF_MAX_LETTERS + 1];
	size_t n_letters = af_letters(doc->prose + t->start, t->end - t->start, letters);
	size_t open = t->after;
	size_t close;
	size_t n;

	while (open < doc->length && doc->prose[open] == ' ')
		open++;
	if (open >= doc->length || doc->prose[open] != '(' || n_letters == 0)
		return;
	for (close = open + 1; close < doc->length && close - open < MAX_EXPANSION_BYTES &&
	                       !stops_expansion(doc->prose[close]);
	     close++)
		;
	if (close >= doc->length || doc->prose[close] != ')')
		return;
	n = collect_words(host, doc, open + 1, close, 0, words);
	if (n < 2 || n == AF_MAX_WORDS)
		return;
	{
		int cost = af_fit_after(words, n, letters, n_letters);

		if (cost < 0 || cost > MAX_BEFORE_NAME_COST)
			return;
	}
	def->kind = AD_BEFORE_NAME;
	def->fit = AD_FITS;
	def->exp_start = words[0].start;
	def->exp_end = words[n - 1].end;
}

void ad_detect(const stmtlint_host *host, const stmtlint_doc *doc, const acro_known *known,
               const acro_token *t, acro_def *def)
{
	int generic = 0;
	size_t paren = paren_before(doc, t, &generic);

	memset(def, 0, sizeof(*def));
	def->kind = AD_USE;
	if (paren == (size_t)-1) {
		judge_before_name(host, doc, t, def);
		return;
	}
	judge_after_name(host, doc, known, t, paren, def);
	if (generic && def->fit != AD_FITS)
		memset(def, 0, sizeof(*def));   /* "(NIST Framework)" after other words: a use */
}
