/* match.c - a draft's words against the registry's names. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

/* Blank lines between two words: a name never goes on past this many line ends. */
#define MATCH_MAX_LINE_ENDS 1

/* ---- the draft's words ------------------------------------------------------ */

static int starts_capital(const stmtlint_host *host, const char *s, size_t len)
{
	uint32_t cp;

	if (len == 0)
		return 0;
	if ((unsigned char)s[0] < 0x80)
		return (s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9');
	host->utf8_decode(s, len, &cp);
	return host->fold_case(cp) != cp;
}

/* The bytes of a possessive ending ("'s", "’s", "'", "’") at the end of
 * text[start, end), or 0. */
static size_t possessive_bytes(const char *text, size_t start, size_t end)
{
	size_t n = end - start;
	const char *e = text + end;

	if (n > 2 && e[-1] == 's' && e[-2] == '\'')
		return 2;
	if (n > 4 && e[-1] == 's' && memcmp(e - 4, "\xE2\x80\x99", 3) == 0)
		return 4;
	if (n > 1 && e[-1] == '\'')
		return 1;
	if (n > 3 && memcmp(e - 3, "\xE2\x80\x99", 3) == 0)
		return 3;
	return 0;
}

/* Fills w->gap and the barrier and line-end flags from the text between
 * [from, to), the end of one word and the start of the next. */
static void read_gap(const stmtlint_host *host, const stmtlint_doc *doc, size_t from, size_t to,
                     draft_word *w)
{
	size_t used = 0;
	size_t lines = 0;
	size_t i = from;

	while (i < to) {
		uint32_t cp;
		size_t m = 1;

		if ((unsigned char)doc->prose[i] < 0x80)
			cp = (unsigned char)doc->prose[i];
		else
			m = host->utf8_decode(doc->prose + i, to - i, &cp);
		unsigned char why = doc->nonprose != NULL ? doc->nonprose[i] : 0;
		int space = cp < 0x80 ? cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'
		                      : host->is_space(cp);

		if (why != STMTLINT_NONPROSE_NONE && why != STMTLINT_NONPROSE_MARKUP &&
		    why != STMTLINT_NONPROSE_ESCAPE)
			w->flags |= DW_BARRIER;
		if (cp == '\n')
			lines++;
		if (space) {
			i += m;
			continue;
		}
		if (cp >= 0x80 || used + 1 > REG_MAX_GAP)
			w->flags |= DW_BARRIER;
		else
			w->gap[used++] = (char)cp;
		i += m;
	}
	w->gap[used] = '\0';
	if (lines > 0)
		w->flags |= DW_LINE_END;
	if (lines > MATCH_MAX_LINE_ENDS)
		w->flags |= DW_BARRIER;
}

/* host->word_normalize() of s[0, len) into out, with its registry_hash()
 * in *hash; a word in ASCII (most are) is lower-cased and hashed in one
 * pass, without a call. */
static size_t normalize(const stmtlint_host *host, const char *s, size_t len, char *out,
                        size_t outlen, uint32_t *hash)
{
	uint32_t h = REG_HASH_BASIS;   /* registry_hash() of the empty word */
	size_t i;

	for (i = 0; i < len && i + 1 < outlen && (unsigned char)s[i] < 0x80; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];

		out[i] = c;
		h = (h ^ (unsigned char)c) * REG_HASH_PRIME;
	}
	if (i == len) {
		out[i] = '\0';
		*hash = h;
		return len;
	}
	len = host->word_normalize(s, len, out, outlen);
	*hash = registry_hash(out, len < outlen ? len : 0);
	return len;
}

int draft_read(const stmtlint_host *host, const stmtlint_doc *doc, draft *d)
{
	size_t cap = 2 * doc->length + doc->n_words + 1;   /* case folding at most doubles a word */
	size_t used = 0;
	size_t i;

	memset(d, 0, sizeof(*d));
	d->words = calloc(doc->n_words ? doc->n_words : 1, sizeof(*d->words));
	d->norms = malloc(cap);
	if (d->words == NULL || d->norms == NULL) {
		draft_free(d);
		return -1;
	}
	for (i = 0; i < doc->n_words; i++) {
		const stmtlint_span *s = &doc->words[i];
		draft_word *w = &d->words[i];
		size_t poss = possessive_bytes(doc->text, s->start, s->end);
		size_t need;

		w->start = s->start;
		w->end = s->end - poss;
		if (poss > 0)
			w->flags |= DW_POSSESSIVE;
		if (starts_capital(host, doc->text + w->start, w->end - w->start))
			w->flags |= DW_CAPITAL;
		w->norm = d->norms + used;
		need = normalize(host, doc->text + w->start, w->end - w->start, d->norms + used,
		                 cap - used, &w->hash);
		if (need >= REG_MAX_WORD || need + 1 > cap - used) {
			d->norms[used] = '\0';     /* too long to be a word of a name */
			need = 0;
			w->hash = registry_hash("", 0);
		}
		w->len = need;
		used += need + 1;
		if (i + 1 < doc->n_words)
			read_gap(host, doc, s->end, doc->words[i + 1].start, w);
		else
			w->flags |= DW_BARRIER;
	}
	d->n = doc->n_words;
	return 0;
}

void draft_free(draft *d)
{
	free(d->words);
	free(d->norms);
	d->words = NULL;
	d->norms = NULL;
	d->n = 0;
}

int word_equal(const draft_word *w, const reg_word *r)
{
	return w->len == r->len && w->hash == r->hash && memcmp(w->norm, r->text, r->len) == 0;
}

/* ---- exact matches ------------------------------------------------------------ */

/* Whether form f is the draft's words from i on. */
static int form_at(const registry *reg, const draft *d, size_t i, const reg_form *f)
{
	size_t k;

	if (i + f->n_words > d->n)
		return 0;
	for (k = 0; k < f->n_words; k++) {
		const draft_word *w = &d->words[i + k];
		const reg_word *r = &reg->words[f->first_word + k];

		if (!word_equal(w, r))
			return 0;
		if (k + 1 < f->n_words &&
		    ((w->flags & (DW_BARRIER | DW_POSSESSIVE)) || strcmp(w->gap, r->gap) != 0))
			return 0;
	}
	return 1;
}

size_t match_exact(const registry *reg, const draft *d, size_t i, size_t *form)
{
	const draft_word *w = &d->words[i];
	const reg_posting *p;
	size_t n;
	size_t k;
	size_t best = 0;

	if (!(w->flags & DW_CAPITAL) || w->len == 0)
		return 0;
	p = registry_lookup(reg, w->norm, w->len, w->hash, &n);
	for (k = 0; k < n; k++) {
		const reg_form *f = &reg->forms[p[k].form];

		if (p[k].pos != 0 || f->n_words <= best)
			continue;
		if (form_at(reg, d, i, f)) {
			best = f->n_words;
			*form = p[k].form;
		}
	}
	return best;
}

/* ---- near misses ---------------------------------------------------------------- */

/* Edit distance of a and b, stopping early above `limit` (returns limit + 1). */
static size_t distance(const char *a, size_t na, const char *b, size_t nb, size_t limit)
{
	size_t row[REG_MAX_WORD + 1];
	size_t i;
	size_t j;

	if (na > REG_MAX_WORD || nb > REG_MAX_WORD || (na > nb ? na - nb : nb - na) > limit)
		return limit + 1;
	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		size_t diag = row[0];
		size_t low;

		row[0] = i;
		low = row[0];
		for (j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
			if (best < low)
				low = best;
		}
		if (low > limit)
			return limit + 1;
	}
	return row[nb];
}

/* A word in the spelling both sides of the Atlantic share: hyphens
 * dropped, "isation" "our" "tre" "ence" "programme" in American spelling
 * ("organisation" -> "organization", "co-operation" -> "cooperation",
 * "labour" -> "labor", "centre" -> "center", "defence" -> "defense"). */
static size_t common_spelling(const char *s, size_t n, char *out)
{
	size_t o = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '-')
			continue;
		if (n - i >= 6 && memcmp(s + i, "isatio", 6) == 0) {
			memcpy(out + o, "izatio", 6);
			o += 6;
			i += 5;
		} else if (n - i >= 3 && memcmp(s + i, "our", 3) == 0 && i > 0) {
			memcpy(out + o, "or", 2);
			o += 2;
			i += 2;
		} else if (i + 3 == n && memcmp(s + i, "tre", 3) == 0) {
			memcpy(out + o, "ter", 3);
			o += 3;
			i += 2;
		} else if (i + 4 == n && memcmp(s + i, "ence", 4) == 0 && i > 0 && s[i - 1] == 'f') {
			memcpy(out + o, "ense", 4);
			o += 4;
			i += 3;
		} else if (i + 9 == n && memcmp(s + i, "programme", 9) == 0) {
			memcpy(out + o, "program", 7);
			o += 7;
			i += 8;
		} else {
			out[o++] = s[i];
		}
	}
	return o;
}

/* Whether a and b are one word in two spellings ("Organisation", "Organization"). */
static int other_spelling(const char *a, size_t na, const char *b, size_t nb)
{
	char x[REG_MAX_WORD + 8];
	char y[REG_MAX_WORD + 8];
	size_t nx;
	size_t ny;

	if (na > REG_MAX_WORD || nb > REG_MAX_WORD)
		return 0;
	nx = common_spelling(a, na, x);
	ny = common_spelling(b, nb, y);
	return nx == ny && memcmp(x, y, nx) == 0;
}

/* Whether one of a, b is the other with a plural "s". */
static int plural(const char *a, size_t na, const char *b, size_t nb)
{
	if (na + 1 == nb)
		return b[nb - 1] == 's' && memcmp(a, b, na) == 0;
	if (nb + 1 == na)
		return a[na - 1] == 's' && memcmp(a, b, nb) == 0;
	return 0;
}

/* The shortest word a misspelling is looked for in. */
#define MATCH_MIN_TYPO_WORD 4
/* Words this long may be two letters off; shorter ones one. */
#define MATCH_TWO_TYPO_WORD 10

/* Whether w is r misspelt: a letter or two off, the same first letter, and
 * not r with a longer ending ("Commissioner" for "Commission"). */
static int misspelt(const draft_word *w, const reg_word *r)
{
	size_t longer = w->len > r->len ? w->len : r->len;
	size_t limit = longer >= MATCH_TWO_TYPO_WORD ? 2 : 1;

	if (w->len < MATCH_MIN_TYPO_WORD || r->len < MATCH_MIN_TYPO_WORD || w->norm[0] != r->text[0])
		return 0;
	if ((w->len > r->len && memcmp(w->norm, r->text, r->len) == 0) ||
	    (r->len > w->len && memcmp(w->norm, r->text, w->len) == 0))
		return 0;
	if (r->flags & WORD_HEAD)
		limit = 1;
	return distance(w->norm, w->len, r->text, r->len, limit) <= limit;
}

/* How the words of a window differ from a form's. */
typedef struct differences {
	size_t exact;        /* words equal */
	size_t typo;         /* words misspelt or in the plural */
	size_t connector;    /* "of" for "for" and the like */
	size_t spelling;     /* another spelling of the same word */
	size_t gap;          /* a comma more or less */
} differences;

/* Compares draft word w with registry word r; returns -1 when they differ
 * beyond a near miss. */
static int compare_word(const draft_word *w, const reg_word *r, differences *dif)
{
	if (word_equal(w, r)) {
		dif->exact++;
		return 0;
	}
	if (!(r->flags & WORD_CONNECTOR) && !(w->flags & DW_CAPITAL))
		return -1;
	if (r->flags & WORD_CONNECTOR) {
		static const char *const small[] = { "of", "for", "on", "in", "to" };
		size_t i;

		for (i = 0; i < sizeof(small) / sizeof(*small); i++)
			if (strlen(small[i]) == w->len && memcmp(small[i], w->norm, w->len) == 0)
				break;
		if (i == sizeof(small) / sizeof(*small))
			return -1;
		dif->connector++;
		return 0;
	}
	if (other_spelling(w->norm, w->len, r->text, r->len)) {
		dif->spelling++;
		return 0;
	}
	if (plural(w->norm, w->len, r->text, r->len) || misspelt(w, r)) {
		dif->typo++;
		return 0;
	}
	return -1;
}

int match_near(const registry *reg, const draft *d, size_t start, size_t fi, int own)
{
	const reg_form *f = &reg->forms[fi];
	const reg_body *b = &reg->bodies[f->body];
	differences dif;
	size_t n = f->n_words;
	size_t k;

	if (start + n > d->n || !(d->words[start].flags & DW_CAPITAL) ||
	    !(d->words[start + n - 1].flags & DW_CAPITAL))
		return 0;
	memset(&dif, 0, sizeof(dif));
	for (k = 0; k < n; k++) {
		const draft_word *w = &d->words[start + k];
		const reg_word *r = &reg->words[f->first_word + k];

		if (compare_word(w, r, &dif) != 0)
			return 0;
		if (k + 1 == n)
			break;
		if (w->flags & (DW_BARRIER | DW_POSSESSIVE))
			return 0;
		if (strcmp(w->gap, r->gap) != 0) {
			if (strcmp(w->gap, ",") != 0 && strcmp(r->gap, ",") != 0)
				return 0;
			if (w->gap[0] != '\0' && r->gap[0] != '\0')
				return 0;
			dif.gap++;
		}
	}
	if ((dif.exact == n && dif.gap == 0) || dif.typo > 1 || dif.gap > 1 || 2 * dif.exact < n)
		return 0;
	/* a national body's name with "of" for "for" or in British spelling is
	 * most likely another government's body of that name */
	if (b->national && !own && (dif.connector > 0 || dif.spelling > 0))
		return 0;
	if (dif.connector > 1)
		return 0;
	/* a two-word name is near another only by a misspelling */
	if (n <= 2 && dif.typo != 1)
		return 0;
	return 1;
}
