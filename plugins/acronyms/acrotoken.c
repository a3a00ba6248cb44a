/*
 * acrotoken.c - the acronyms of a draft's prose (see acrotoken.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acrotoken.h"

/* Most parts of a joined token ("HIV/AIDS", "G7/G20/OECD"). */
#define MAX_PARTS 8

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(char c)
{
	return is_upper(c) || is_lower(c) || is_digit(c);
}

/* Whether s[0, n) is an SI prefix with a unit symbol: GW, TWh, GHz, Gbps. */
static int is_unit_symbol(const char *s, size_t n)
{
	static const char prefixes[] = "kMGTP";
	static const char *const symbols[] = {"W", "Wh", "Hz", "B", "bps", "t", "J"};
	size_t k;

	if (n < 2 || !strchr(prefixes, s[0]))
		return 0;
	for (k = 0; k < sizeof(symbols) / sizeof(symbols[0]); k++)
		if (n - 1 == strlen(symbols[k]) && strncmp(s + 1, symbols[k], n - 1) == 0)
			return 1;
	return 0;
}

int at_is_acronym_shape(const char *s, size_t n, size_t *core)
{
	size_t upper = 0;
	size_t lower = 0;
	size_t digits = 0;
	size_t i;

	if (n >= 3 && s[n - 1] == 's' && (is_upper(s[n - 2]) || is_digit(s[n - 2])))
		n--;
	if (n < 2)
		return 0;
	for (i = 0; i < n; i++) {
		if (is_upper(s[i]))
			upper++;
		else if (is_digit(s[i]))
			digits++;
		else if (++lower, i > 0 && is_lower(s[i - 1]))
			return 0;   /* two lower-case letters together: a word */
	}
	*core = n;
	if (is_digit(s[0])) {
		/* 5G, 3GPP; not 1GW (a number and a unit) or 30D (a section) */
		size_t d = strspn(s, "0123456789");

		return lower == 0 && d < n && strspn(s + d, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == n - d &&
		       (n - d >= 2 ? !is_unit_symbol(s + d, n - d) : s[d] == 'G');
	}
	if (!is_upper(s[0]))
		return 0;
	return upper >= 2 || (upper == 1 && digits >= 1 && lower == 0);
}

int at_is_roman(const char *s, size_t n)
{
	static const char *const tens[] = {"", "X", "XX", "XXX"};
	static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
	size_t t;
	size_t o;

	for (t = 0; t < sizeof(tens) / sizeof(tens[0]); t++) {
		size_t tl = strlen(tens[t]);

		if (tl > n || strncmp(s, tens[t], tl) != 0)
			continue;
		for (o = 0; o < sizeof(ones) / sizeof(ones[0]); o++)
			if (n - tl == strlen(ones[o]) && strncmp(s + tl, ones[o], n - tl) == 0 && n > 0)
				return 1;
	}
	return 0;
}

int at_is_unit(const stmtlint_doc *doc, size_t start, size_t end)
{
	size_t i = start;

	/* Back over spaces and no-break spaces (C2 A0). */
	while (i > 0) {
		if (doc->prose[i - 1] == ' ')
			i--;
		else if (i >= 2 && (unsigned char)doc->prose[i - 1] == 0xA0 &&
		         (unsigned char)doc->prose[i - 2] == 0xC2)
			i -= 2;
		else
			break;
	}
	if (i > 0 && is_digit(doc->prose[i - 1]))
		return 1;
	return is_unit_symbol(doc->prose + start, end - start);
}

/* Whether a word character (not ASCII) touches prose[start, end): then the
 * letters belong to a longer word ("ÉU"). */
static int glued(const stmtlint_host *host, const stmtlint_doc *doc, size_t start, size_t end)
{
	uint32_t cp;

	if (end < doc->length && (unsigned char)doc->prose[end] >= 0x80) {
		host->utf8_decode(doc->prose + end, doc->length - end, &cp);
		if (host->is_word_char(cp))
			return 1;
	}
	if (start > 0 && (unsigned char)doc->prose[start - 1] >= 0x80) {
		size_t i = start - 1;

		while (i > 0 && ((unsigned char)doc->prose[i] & 0xC0) == 0x80)
			i--;
		host->utf8_decode(doc->prose + i, start - i, &cp);
		if (host->is_word_char(cp))
			return 1;
	}
	return 0;
}

static int push(acro_tokens *out, size_t start, size_t end, size_t after, size_t parent)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 64;
		acro_token *p = realloc(out->items, cap * sizeof(*p));

		if (!p)
			return -1;
		out->items = p;
		out->cap = cap;
	}
	out->items[out->n].start = start;
	out->items[out->n].end = end;
	out->items[out->n].after = after;
	out->items[out->n].parent = parent;
	out->items[out->n].n_parts = 0;
	out->n++;
	return 0;
}

/* One part of a token: [start, end), its length without a plural "s", and
 * whether it is an acronym or digits. */
typedef struct part {
	size_t start;
	size_t end;
	size_t core;
	int acronym;
	int digits;
} part;

/* Appends the run parts[a, b) (acronyms, or digits after one) as a token,
 * followed by its acronym parts when there are two or more. */
static int push_run(acro_tokens *out, const part *parts, size_t a, size_t b)
{
	size_t whole = out->n;
	size_t acronyms = 0;
	size_t k;

	if (push(out, parts[a].start, parts[b - 1].start + parts[b - 1].core, parts[b - 1].end,
	         AT_NO_PARENT) < 0)
		return -1;
	for (k = a; k < b; k++)
		acronyms += parts[k].acronym;
	if (acronyms < 2)
		return 0;
	for (k = a; k < b; k++) {
		if (parts[k].acronym &&
		    push(out, parts[k].start, parts[k].start + parts[k].core, parts[k].end, whole) < 0)
			return -1;
	}
	out->items[whole].n_parts = acronyms;
	return 0;
}

/* Splits the token prose[start, end) at "-" and "/" and appends its runs
 * of acronyms. */
static int scan_token(const stmtlint_doc *doc, size_t start, size_t end, acro_tokens *out)
{
	part parts[MAX_PARTS];
	size_t n = 0;
	size_t i = start;
	size_t run = 0;
	size_t k;

	while (i < end) {
		size_t j = i;
		part *p;

		while (j < end && is_alnum(doc->prose[j]))
			j++;
		if (n == MAX_PARTS)
			return 0;   /* a code or a path, not an acronym */
		p = &parts[n++];
		p->start = i;
		p->end = j;
		p->core = j - i;
		p->digits = strspn(doc->prose + i, "0123456789") >= j - i;
		p->acronym = at_is_acronym_shape(doc->prose + i, j - i, &p->core) &&
		             !at_is_roman(doc->prose + i, j - i);
		i = j + 1;
	}
	for (k = 0; k <= n; k++) {
		int joins = k < n && (parts[k].acronym ||
		                      (parts[k].digits && k > run && doc->prose[parts[k].start - 1] == '-'));

		if (joins)
			continue;
		if (k > run && push_run(out, parts, run, k) < 0)
			return -1;
		run = k + 1;
	}
	return 0;
}

int at_scan(const stmtlint_host *host, const stmtlint_doc *doc, acro_tokens *out)
{
	const char *s = doc->prose;
	size_t done = 0;   /* bytes before it are read */
	size_t w;

	/* An acronym starts a word of the draft with a capital or a digit. */
	for (w = 0; w < doc->n_words; w++) {
		size_t i = doc->words[w].start;
		size_t j = i;

		if (i < done || !(is_upper(s[i]) || is_digit(s[i])))
			continue;
		while (j < doc->length &&
		       (is_alnum(s[j]) || ((s[j] == '-' || s[j] == '/') && j + 1 < doc->length &&
		                           is_alnum(s[j + 1]))))
			j++;
		if (!glued(host, doc, i, j) && scan_token(doc, i, j, out) < 0)
			return -1;
		done = j;
	}
	return 0;
}
