/* wordscan.c - the words of a draft as a reader sees them (see wordscan.h). */
#include <string.h>

#include "wordscan.h"

/* Characters inside a word that join its parts. */
#define CP_RIGHT_QUOTE 0x2019u      /* ’, the usual apostrophe of published text */
#define CP_HYPHEN 0x2010u
#define CP_NB_HYPHEN 0x2011u
/* The Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), spelled out by the host's word_normalize(). */
#define CP_LIGATURE_FIRST 0xFB00u
#define CP_LIGATURE_LAST 0xFB06u

typedef struct scanner {
	const stmtlint_host *host;
	const stmtlint_doc *doc;
	size_t chunk_end;           /* the end of the run of characters last examined */
	int chunk_skip;             /* whether that run reads as an address or identifier */
	size_t sentence;            /* index into doc->sentences of the current word */
	size_t last_sentence;       /* the sentence of the last word with a letter, or SIZE_MAX */
} scanner;

/* Whether byte i of the text is read: prose, or the front matter's title. */
static int readable(const scanner *s, size_t i)
{
	const stmtlint_doc *d = s->doc;

	return d->nonprose[i] == STMTLINT_NONPROSE_NONE ||
	       (d->meta_title != NULL && i >= d->meta_title_span.start && i < d->meta_title_span.end);
}

static size_t decode(const scanner *s, size_t i, uint32_t *cp)
{
	return s->host->utf8_decode(s->doc->text + i, s->doc->length - i, cp);
}

static int is_ligature(uint32_t cp)
{
	return cp >= CP_LIGATURE_FIRST && cp <= CP_LIGATURE_LAST;
}

/* Whether the readable character at i is a letter, digit or mark. */
static int word_char_at(const scanner *s, size_t i)
{
	uint32_t cp;

	if (i >= s->doc->length || !readable(s, i))
		return 0;
	decode(s, i, &cp);
	return s->host->is_word_char(cp) || is_ligature(cp);
}

/* Whether cp vanishes inside a word (soft hyphen, zero-width characters):
 * the host's word_normalize() drops it. */
static int vanishes(const scanner *s, size_t i, size_t n)
{
	char out[8];

	return s->host->word_normalize(s->doc->text + i, n, out, sizeof(out)) == 0;
}

/* Appends bytes to w for the character at [from, to); 0, or -1 when the
 * word is too long. */
static int append(scan_word *w, const char *bytes, size_t n, size_t from, size_t to)
{
	size_t k;

	if (w->len + n > VOCAB_WORD_MAX)
		return -1;
	for (k = 0; k < n; k++) {
		w->text[w->len] = bytes[k];
		w->from[w->len] = from;
		w->to[w->len] = to;
		w->len++;
	}
	return 0;
}

/* Whether a readable byte makes a run of characters an address, a path or
 * an identifier. */
static int address_byte(char c)
{
	return c != '\0' && strchr("@/\\_=#~|<>{}", c) != NULL;
}

static int ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether the run of characters around [start, end) (up to white space or
 * a byte that is neither prose nor a Markdown marker) reads as an address
 * or identifier: an '@', '/', '_' … or a '.' between a letter and two
 * letters before it ("whitehouse.gov", but not "U.S.").  Runs are examined
 * once: words inside the last run reuse its answer. */
static int in_address(scanner *s, size_t start, size_t end)
{
	const stmtlint_doc *d = s->doc;
	const char *t = d->text;
	size_t a = start;
	size_t b = end;
	size_t i;

	if (start < s->chunk_end)
		return s->chunk_skip;
	while (a > s->chunk_end && (readable(s, a - 1) || d->nonprose[a - 1] == STMTLINT_NONPROSE_MARKUP) &&
	       t[a - 1] != ' ' && t[a - 1] != '\n' && t[a - 1] != '\t' && t[a - 1] != '\r')
		a--;
	while (b < d->length && (readable(s, b) || d->nonprose[b] == STMTLINT_NONPROSE_MARKUP) &&
	       t[b] != ' ' && t[b] != '\n' && t[b] != '\t' && t[b] != '\r')
		b++;
	s->chunk_end = b;
	s->chunk_skip = 0;
	for (i = a; i < b && !s->chunk_skip; i++) {
		if (!readable(s, i))
			continue;
		if (address_byte(t[i]))
			s->chunk_skip = 1;
		else if (t[i] == '.' && i >= a + 2 && i + 1 < b && ascii_letter(t[i - 1]) &&
		         ascii_letter(t[i - 2]) && (ascii_letter(t[i + 1]) || (t[i + 1] >= '0' && t[i + 1] <= '9')))
			s->chunk_skip = 1;
	}
	return s->chunk_skip;
}

/* Whether the word at `start`, holding a letter, is the first of its
 * sentence (or the first word outside every sentence: a title). */
static int starts_sentence(scanner *s, size_t start)
{
	const stmtlint_doc *d = s->doc;
	int first;

	while (s->sentence < d->n_sentences && d->sentences[s->sentence].end <= start)
		s->sentence++;
	if (s->sentence < d->n_sentences && d->sentences[s->sentence].start <= start) {
		first = s->sentence != s->last_sentence;
		s->last_sentence = s->sentence;
		return first;
	}
	first = s->last_sentence != SIZE_MAX - 1;
	s->last_sentence = SIZE_MAX - 1;
	return first;
}

/* Reads the word that starts at i into w; returns the offset after it. */
static size_t read_word(const scanner *s, size_t i, scan_word *w, int *too_long)
{
	const stmtlint_doc *d = s->doc;
	size_t j = i;

	w->len = 0;
	*too_long = 0;
	while (j < d->length) {
		uint32_t cp;
		size_t n;

		if (!readable(s, j)) {
			size_t k = j;

			/* Markdown markers and inline HTML inside a word: "I**nvestment**",
			 * "76<sup>th</sup>" (read "76th") */
			while (k < d->length && (d->nonprose[k] == STMTLINT_NONPROSE_MARKUP ||
			                         d->nonprose[k] == STMTLINT_NONPROSE_HTML))
				k++;
			if (k == j || !word_char_at(s, k))
				break;
			j = k;
			continue;
		}
		n = decode(s, j, &cp);
		if (s->host->is_word_char(cp) && !is_ligature(cp)) {
			if (append(w, d->text + j, n, j, j + n) != 0)
				*too_long = 1;
		} else if (is_ligature(cp)) {
			char spelled[8];
			size_t m = s->host->word_normalize(d->text + j, n, spelled, sizeof(spelled));

			if (m >= sizeof(spelled) || append(w, spelled, m, j, j + n) != 0)
				*too_long = 1;
		} else if ((cp == '\'' || cp == CP_RIGHT_QUOTE || cp == '-' || cp == CP_HYPHEN ||
		            cp == CP_NB_HYPHEN) && word_char_at(s, j + n)) {
			if (append(w, cp == '\'' || cp == CP_RIGHT_QUOTE ? "'" : "-", 1, j, j + n) != 0)
				*too_long = 1;
		} else if (!(vanishes(s, j, n) && word_char_at(s, j + n))) {
			break;
		}
		j += n;
	}
	w->text[w->len] = '\0';
	return j;
}

static int has_letter(const scanner *s, const scan_word *w)
{
	size_t k = 0;

	while (k < w->len) {
		uint32_t cp;
		size_t n = s->host->utf8_decode(w->text + k, w->len - k, &cp);

		if (s->host->is_word_char(cp) && !(cp >= '0' && cp <= '9'))
			return 1;
		k += n;
	}
	return 0;
}

int scan_words(const stmtlint_host *host, const stmtlint_doc *doc, scan_fn fn, void *arg)
{
	scanner s = { host, doc, 0, 0, 0, SIZE_MAX };
	scan_word w;
	size_t i = 0;

	while (i < doc->length) {
		uint32_t cp;
		size_t n;
		size_t end;
		int too_long;

		if (!readable(&s, i)) {
			i++;
			continue;
		}
		n = decode(&s, i, &cp);
		if (!host->is_word_char(cp) && !is_ligature(cp)) {
			i += n;
			continue;
		}
		end = read_word(&s, i, &w, &too_long);
		if (has_letter(&s, &w)) {
			w.sentence_start = starts_sentence(&s, i);
			if (!too_long && !in_address(&s, i, end) && fn(arg, &w) != 0)
				return -1;
		}
		i = end;
	}
	return 0;
}

int scan_parts(const scan_word *word, part_fn fn, void *arg)
{
	size_t a = 0;
	size_t b = word->len;

	if (b >= 2 && word->text[b - 2] == '\'' && (word->text[b - 1] == 's' || word->text[b - 1] == 'S'))
		b -= 2;
	if (b >= 3 && word->text[1] == '\'' && strchr("dlDL", word->text[0]) != NULL)
		a = 2;
	while (a < b) {
		const char *dash = memchr(word->text + a, '-', b - a);
		size_t end = dash != NULL ? (size_t)(dash - word->text) : b;

		if (end > a && fn(arg, word, a, end) != 0)
			return -1;
		a = end + 1;
	}
	return 0;
}
