/*
 * wordiff.c - words normalized for typography, and word-by-word differences.
 * See wordiff.h.
 */
#include "wordiff.h"

#include <stdlib.h>
#include <string.h>

#define FNV_OFFSET 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

/* The host's text helpers: the one definition of UTF-8 decoding, of a
 * word character and of case folding that every plugin shares. */
static const stmtlint_host *host;

void wd_use_host(const stmtlint_host *h)
{
	host = h;
}

/* Decodes the code point at text[p] (p < end) into *cp; returns its length
 * in bytes.  A malformed sequence counts as one byte U+FFFD. */
static size_t decode(const char *text, size_t p, size_t end, uint32_t *cp)
{
	return host->utf8_decode(text + p, end - p, cp);
}

static int is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static int is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC;
}

static int is_dash(uint32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

static int is_word_cp(uint32_t cp)
{
	return host->is_word_char(cp);
}

static char fold_byte(char c)
{
	if (c >= 'A' && c <= 'Z')
		return (char)(c - 'A' + 'a');
	return c;
}

/* The next code point of a NUL-terminated normalized form, case-folded;
 * advances *s. */
static uint32_t next_folded(const char **s)
{
	uint32_t cp;
	size_t n = host->utf8_decode(*s, strlen(*s), &cp);

	*s += n;
	return host->fold_case(cp);
}

void wd_words_init(wd_words *w)
{
	memset(w, 0, sizeof(*w));
}

void wd_words_clear(wd_words *w)
{
	w->n = 0;
	w->len = 0;
}

void wd_words_free(wd_words *w)
{
	free(w->v);
	free(w->buf);
	wd_words_init(w);
}

static int buf_reserve(wd_words *w, size_t extra)
{
	size_t want = w->len + extra;
	size_t cap;
	char *grown;

	if (want <= w->bufcap)
		return 0;
	cap = w->bufcap ? w->bufcap : 256;
	while (cap < want)
		cap *= 2;
	grown = realloc(w->buf, cap);
	if (!grown)
		return -1;
	w->buf = grown;
	w->bufcap = cap;
	return 0;
}

static int words_reserve(wd_words *w)
{
	size_t cap;
	wd_word *grown;

	if (w->n < w->cap)
		return 0;
	cap = w->cap ? w->cap * 2 : 32;
	grown = realloc(w->v, cap * sizeof(*grown));
	if (!grown)
		return -1;
	w->v = grown;
	w->cap = cap;
	return 0;
}

int wd_tokenize(wd_words *w, const char *text, size_t start, size_t end)
{
	size_t p = start;

	while (p < end) {
		uint32_t cp;
		size_t len = decode(text, p, end, &cp);
		size_t word_start;
		size_t word_end;
		uint64_t hash = FNV_OFFSET;
		uint32_t last = 0;
		size_t i;

		if (!is_word_cp(cp)) {
			p += len;
			continue;
		}
		/* Normalized forms are never longer than the text they come from. */
		if (buf_reserve(w, end - p + 1) < 0 || words_reserve(w) < 0)
			return -1;
		word_start = p;
		w->v[w->n].norm = w->len;
		for (;;) {
			const char *joiner = NULL;
			size_t q;
			uint32_t next;
			size_t next_len;

			for (i = 0; i < len; i++)
				w->buf[w->len++] = text[p + i];
			last = cp;
			p += len;
			word_end = p;
			if (p >= end)
				break;
			len = decode(text, p, end, &cp);
			if (is_word_cp(cp))
				continue;
			/* A joiner inside the word: ' ’ - – — between letters, . , between digits. */
			q = p + len;
			if (q >= end)
				break;
			next_len = decode(text, q, end, &next);
			if (!is_word_cp(next))
				break;
			if (is_apostrophe(cp))
				joiner = "'";
			else if (is_dash(cp))
				joiner = "-";
			else if ((cp == '.' || cp == ',') && is_digit(last) && is_digit(next))
				joiner = cp == '.' ? "." : ",";
			if (!joiner)
				break;
			w->buf[w->len++] = joiner[0];
			p = q;
			cp = next;
			len = next_len;
		}
		w->buf[w->len++] = '\0';
		{
			const char *f = w->buf + w->v[w->n].norm;

			while (*f != '\0') {
				hash ^= next_folded(&f);
				hash *= FNV_PRIME;
			}
		}
		w->v[w->n].start = word_start;
		w->v[w->n].end = word_end;
		w->v[w->n].hash = hash;
		w->n++;
	}
	return 0;
}

const char *wd_norm(const wd_words *w, size_t i)
{
	return w->buf + w->v[i].norm;
}

static int folded_equal(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0')
		if (next_folded(&a) != next_folded(&b))
			return 0;
	return *a == '\0' && *b == '\0';
}

int wd_equal_folded(const wd_words *a, size_t i, const wd_words *b, size_t j)
{
	if (a->v[i].hash != b->v[j].hash)
		return 0;
	return folded_equal(wd_norm(a, i), wd_norm(b, j));
}

/* Exact equality, except that the two first words may differ in case. */
static int word_equal(const wd_words *a, size_t i, const wd_words *b, size_t j)
{
	if (a->v[i].hash != b->v[j].hash)
		return 0;
	if (i == 0 && j == 0)
		return folded_equal(wd_norm(a, i), wd_norm(b, j));
	return strcmp(wd_norm(a, i), wd_norm(b, j)) == 0;
}

int wd_same_wording(const wd_words *a, const wd_words *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++) {
		if (!word_equal(a, i, b, i))
			return 0;
	}
	return 1;
}

int wd_match_at(const wd_words *hay, size_t at, const wd_words *needle)
{
	size_t k;

	if (needle->n == 0 || at > hay->n || hay->n - at < needle->n)
		return 0;
	for (k = 0; k < needle->n; k++) {
		if (!wd_equal_folded(hay, at + k, needle, k))
			return 0;
	}
	return 1;
}

size_t wd_find(const wd_words *hay, size_t from, const wd_words *needle)
{
	size_t i;

	if (needle->n == 0 || hay->n < needle->n)
		return SIZE_MAX;
	for (i = from; i + needle->n <= hay->n; i++) {
		if (wd_match_at(hay, i, needle))
			return i;
	}
	return SIZE_MAX;
}

static int is_space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static size_t skip_space_back(const char *text, size_t start, size_t p)
{
	while (p > start && is_space_byte(text[p - 1]))
		p--;
	return p;
}

/* Whether text[start, p) ends with the whole word `word` (any case) preceded
 * by white space or ';' ','; returns the word's start or SIZE_MAX. */
static size_t ends_with_word(const char *text, size_t start, size_t p, const char *word)
{
	size_t len = strlen(word);
	size_t q;
	size_t i;

	if (p - start <= len)
		return SIZE_MAX;
	q = p - len;
	for (i = 0; i < len; i++) {
		if (fold_byte(text[q + i]) != word[i])
			return SIZE_MAX;
	}
	if (!is_space_byte(text[q - 1]) && text[q - 1] != ';' && text[q - 1] != ',')
		return SIZE_MAX;
	return q;
}

static int is_joining_punct(char c)
{
	return c == '.' || c == ';' || c == ',';
}

size_t wd_trim_joiner(const char *text, size_t start, size_t end)
{
	size_t p = skip_space_back(text, start, end);
	size_t q;

	if (p > start && is_joining_punct(text[p - 1]))
		p = skip_space_back(text, start, p - 1);
	q = ends_with_word(text, start, p, "and");
	if (q == SIZE_MAX)
		q = ends_with_word(text, start, p, "or");
	if (q != SIZE_MAX) {
		p = skip_space_back(text, start, q);
		if (p > start && (text[p - 1] == ';' || text[p - 1] == ','))
			p = skip_space_back(text, start, p - 1);
	}
	return p;
}

int wd_diff(const wd_words *a, const wd_words *b, size_t max_cells, wd_hunk **hunks,
            size_t *n_hunks)
{
	size_t pre = 0;
	size_t suf = 0;
	size_t n;
	size_t m;
	size_t i;
	size_t j;
	size_t cols;
	uint32_t *lcs;
	wd_hunk *out;
	size_t count = 0;
	int open = 0;
	size_t open_i = 0;
	size_t open_j = 0;

	*hunks = NULL;
	*n_hunks = 0;
	while (pre < a->n && pre < b->n && word_equal(a, pre, b, pre))
		pre++;
	while (suf < a->n - pre && suf < b->n - pre &&
	       word_equal(a, a->n - 1 - suf, b, b->n - 1 - suf))
		suf++;
	n = a->n - pre - suf;
	m = b->n - pre - suf;
	if (n == 0 && m == 0)
		return WD_OK;
	if (n == 0 || m == 0) {
		out = malloc(sizeof(*out));
		if (!out)
			return WD_NOMEM;
		out->a_start = pre;
		out->a_end = pre + n;
		out->b_start = pre;
		out->b_end = pre + m;
		*hunks = out;
		*n_hunks = 1;
		return WD_OK;
	}
	cols = m + 1;
	if (n + 1 > max_cells / cols)
		return WD_TOO_LARGE;
	lcs = malloc((n + 1) * cols * sizeof(*lcs));
	out = malloc(((n < m ? n : m) + 1) * sizeof(*out));
	if (!lcs || !out) {
		free(lcs);
		free(out);
		return WD_NOMEM;
	}
	/* lcs[i][j]: length of the longest common subsequence of the suffixes
	 * a[pre+i ..] and b[pre+j ..] of the differing parts. */
	for (i = n + 1; i-- > 0;) {
		for (j = m + 1; j-- > 0;) {
			uint32_t v;

			if (i == n || j == m)
				v = 0;
			else if (word_equal(a, pre + i, b, pre + j))
				v = lcs[(i + 1) * cols + j + 1] + 1;
			else if (lcs[(i + 1) * cols + j] >= lcs[i * cols + j + 1])
				v = lcs[(i + 1) * cols + j];
			else
				v = lcs[i * cols + j + 1];
			lcs[i * cols + j] = v;
		}
	}
	i = 0;
	j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && word_equal(a, pre + i, b, pre + j)) {
			if (open) {
				out[count].a_start = pre + open_i;
				out[count].a_end = pre + i;
				out[count].b_start = pre + open_j;
				out[count].b_end = pre + j;
				count++;
				open = 0;
			}
			i++;
			j++;
			continue;
		}
		if (!open) {
			open = 1;
			open_i = i;
			open_j = j;
		}
		if (j == m || (i < n && lcs[(i + 1) * cols + j] >= lcs[i * cols + j + 1]))
			i++;
		else
			j++;
	}
	if (open) {
		out[count].a_start = pre + open_i;
		out[count].a_end = pre + n;
		out[count].b_start = pre + open_j;
		out[count].b_end = pre + m;
		count++;
	}
	free(lcs);
	*hunks = out;
	*n_hunks = count;
	return WD_OK;
}

int wd_count_value(const char *s, size_t len)
{
	static const char *const names[] = {
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen", "twenty"
	};
	size_t i;
	size_t k;
	int value = 0;

	if (len == 0)
		return -1;
	if (len <= 6) {
		for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			value = value * 10 + (s[i] - '0');
		if (i == len)
			return value;
	}
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (strlen(names[k]) != len)
			continue;
		for (i = 0; i < len && fold_byte(s[i]) == names[k][i]; i++)
			;
		if (i == len)
			return (int)k + 1;
	}
	return -1;
}
