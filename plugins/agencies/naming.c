/* naming.c - finding the registry's names, and near misses of them, in a draft. */
#include "naming.h"

#include <stdlib.h>
#include <string.h>

/* Marks of a draft word while names are looked for. */
#define MARK_COVERED 0x1u   /* inside a name found */
#define MARK_START   0x2u   /* the first word of a name found */
#define MARK_END     0x4u   /* the last word of a name found */

/* The years a draft's date may give. */
#define NAMING_YEAR_MIN 1900
#define NAMING_YEAR_MAX 2099

/* Words that may stand right before a name of the registry's governments:
 * "U.S.", "US", "United States", "Japan('s)", "Japanese", "White House",
 * "United Nations", "UN". */
static const char *const qualifiers[] = {
	"us", "s", "states", "japan", "japanese", "american", "house", "nations", "un",
};

/* Words written with a capital at the start of a sentence or a heading,
 * which say nothing of whose a name is. */
static const char *const function_words[] = {
	"a", "an", "and", "as", "at", "between", "both", "by", "for", "from", "in", "including",
	"its", "of", "on", "or", "our", "said", "that", "the", "their", "these", "this", "through",
	"to", "under", "while", "with",
};

static int word_in(const draft_word *w, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strncmp(list[i], w->norm, w->len) == 0 && list[i][w->len] == '\0')
			return 1;
	return 0;
}

#define WORD_IN(w, list) word_in((w), (list), sizeof(list) / sizeof(*(list)))

static int is_word(const draft_word *w, const char *s)
{
	return strlen(s) == w->len && memcmp(s, w->norm, w->len) == 0;
}

/* Whether the word before a name leaves it a name of the registry's: none,
 * punctuation between, a function word, "U.S." or "Japan's", a registered
 * acronym ("DHS Control Systems …"), or the end of another name ("the
 * Department of Commerce's National Institute …").  Not "UK", "India's",
 * "Puerto Rico": another government's body may bear the same name. */
static int before_fits(const registry *reg, const stmtlint_doc *doc, const draft *d,
                       const unsigned char *mark, size_t first)
{
	const draft_word *prev;

	if (first == 0)
		return 1;
	prev = &d->words[first - 1];
	if ((prev->flags & DW_BARRIER) || (prev->gap[0] != '\0' && !(prev->flags & DW_POSSESSIVE)) ||
	    !(prev->flags & DW_CAPITAL))
		return 1;
	if (WORD_IN(prev, qualifiers) || WORD_IN(prev, function_words) || (mark[first - 1] & MARK_END))
		return 1;
	return registry_is_acronym(reg, doc->text + prev->start, prev->end - prev->start);
}

/* Whether w is written in capitals only ("MITI", "G7"): an acronym. */
static int all_capitals(const stmtlint_doc *doc, const draft_word *w)
{
	size_t i;
	size_t letters = 0;

	for (i = w->start; i < w->end; i++) {
		char c = doc->text[i];

		if (c >= 'a' && c <= 'z')
			return 0;
		letters += c >= 'A' && c <= 'Z';
	}
	return letters >= 2;
}

/* Whether the words after a name leave it whole: not followed straight on
 * by a capitalised word (it would be the start of a longer name, unless
 * that word starts another name), nor by "of (the) X" or "and X" with a
 * capitalised X other than Japan or the United States ("Ministry of
 * Foreign Affairs of the Republic of Korea", "Department of Labor and
 * Human Resources"); "and MITI", an acronym, ends it. */
static int after_fits(const stmtlint_doc *doc, const draft *d, const unsigned char *mark,
                      size_t last)
{
	const draft_word *w = &d->words[last];
	size_t i = last + 1;

	if ((w->flags & (DW_BARRIER | DW_POSSESSIVE)) || w->gap[0] != '\0' || i >= d->n)
		return 1;
	if (d->words[i].flags & DW_CAPITAL)
		return (mark[i] & MARK_START) != 0;
	if (!is_word(&d->words[i], "of") && !is_word(&d->words[i], "and") &&
	    !is_word(&d->words[i], "for"))
		return 1;
	if ((d->words[i].flags & DW_BARRIER) || d->words[i].gap[0] != '\0')
		return 1;
	/* "of the Republic of Korea"; but "and the U.S. …" is a list */
	if (is_word(&d->words[i], "of") && i + 1 < d->n && is_word(&d->words[i + 1], "the") &&
	    !(d->words[i + 1].flags & DW_BARRIER) && d->words[i + 1].gap[0] == '\0')
		i++;
	i++;
	if (i >= d->n || !(d->words[i].flags & DW_CAPITAL) || (mark[i] & MARK_START) ||
	    all_capitals(doc, &d->words[i]) || WORD_IN(&d->words[i], qualifiers))
		return 1;
	return is_word(&d->words[i], "japan") || is_word(&d->words[i], "united");
}

/* ---- the draft's year ----------------------------------------------------------- */

/* The first year (NAMING_YEAR_MIN..MAX, four digits alone) in s[0, len), or 0. */
static int year_in(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 4 <= len; i++) {
		int y = 0;
		size_t k;

		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			continue;
		for (k = 0; k < 4 && s[i + k] >= '0' && s[i + k] <= '9'; k++)
			y = y * 10 + (s[i + k] - '0');
		if (k == 4 && (i + 4 == len || s[i + 4] < '0' || s[i + 4] > '9') &&
		    y >= NAMING_YEAR_MIN && y <= NAMING_YEAR_MAX)
			return y;
	}
	return 0;
}

static int block_year(const stmtlint_doc *doc, long block)
{
	const stmtlint_span *s;

	if (block < 0 || (size_t)block >= doc->n_blocks)
		return 0;
	s = &doc->blocks[block].span;
	return year_in(doc->text + s->start, s->end - s->start);
}

/* The year the draft is dated: its dateline's, its front matter's date's,
 * or a year in its title; 0 when none says. */
static int draft_year(const stmtlint_doc *doc)
{
	int y = block_year(doc, doc->dateline);

	if (y == 0 && doc->meta_date != NULL)
		y = year_in(doc->meta_date, strlen(doc->meta_date));
	if (y == 0)
		y = block_year(doc, doc->title);
	return y;
}

/* ---- finding names -------------------------------------------------------------- */

static int add_mention(naming *nm, size_t *cap, size_t first, size_t n, size_t form, int near)
{
	mention *m;

	if (nm->n_mentions == *cap) {
		size_t c = *cap ? *cap * 2 : 32;
		mention *p = realloc(nm->mentions, c * sizeof(*p));

		if (p == NULL)
			return -1;
		nm->mentions = p;
		*cap = c;
	}
	m = &nm->mentions[nm->n_mentions++];
	memset(m, 0, sizeof(*m));
	m->first = first;
	m->n = n;
	m->form = form;
	m->near = near;
	return 0;
}

static void mark_words(unsigned char *mark, size_t first, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		mark[first + k] |= MARK_COVERED;
	mark[first] |= MARK_START;
	mark[first + n - 1] |= MARK_END;
}

/* Every registered name in the draft, the longest at each place. */
static int find_exact(const registry *reg, naming *nm, unsigned char *mark, size_t *cap)
{
	size_t i = 0;

	while (i < nm->draft.n) {
		size_t form;
		size_t n = match_exact(reg, &nm->draft, i, &form);

		if (n == 0) {
			i++;
			continue;
		}
		if (add_mention(nm, cap, i, n, form, 0) != 0)
			return -1;
		mark_words(mark, i, n);
		i += n;
	}
	return 0;
}

/* Whether the word before word `first` names the government of body b
 * ("Japan's", "Japanese", "U.S.", "American"). */
static int own_government(const draft *d, size_t first, const reg_body *b)
{
	static const char *const japan[] = { "japan", "japanese" };
	static const char *const us[] = { "us", "s", "states", "american" };
	const draft_word *prev;

	if (first == 0 || !b->national)
		return 0;
	prev = &d->words[first - 1];
	if ((prev->flags & DW_BARRIER) || (prev->gap[0] != '\0' && strcmp(prev->gap, ".") != 0))
		return 0;
	if (strcmp(b->government, "Japan") == 0)
		return WORD_IN(prev, japan);
	if (strcmp(b->government, "United States") == 0)
		return WORD_IN(prev, us);
	return 0;
}

/* Whether a word of form f before `pos` is a capitalised word the draft
 * has there (the window was tried from that word already). */
static int tried_before(const registry *reg, const draft *d, size_t start, const reg_form *f,
                        size_t pos)
{
	size_t k;

	for (k = 0; k < pos; k++) {
		const reg_word *r = &reg->words[f->first_word + k];

		if (!(r->flags & WORD_CONNECTOR) && (d->words[start + k].flags & DW_CAPITAL) &&
		    word_equal(&d->words[start + k], r))
			return 1;
	}
	return 0;
}

static int window_free(const unsigned char *mark, size_t start, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (mark[start + k] & MARK_COVERED)
			return 0;
	return 1;
}

/* The near misses starting at word i's windows: at most one form, and only
 * when every form near there names one body (else the draft may name a
 * body the registry lacks, and nothing is said). */
static int find_near_at(const registry *reg, naming *nm, unsigned char *mark, size_t *cap,
                        size_t i)
{
	const draft *d = &nm->draft;
	const reg_posting *p;
	size_t n;
	size_t k;
	size_t found = (size_t)-1;
	size_t found_start = 0;

	if (!(d->words[i].flags & DW_CAPITAL))
		return 0;
	p = registry_lookup(reg, d->words[i].norm, d->words[i].len, d->words[i].hash, &n);
	/* every posting of a word is the same word: "of", "and" anchor nothing */
	if (n == 0 || (reg->words[reg->forms[p[0].form].first_word + p[0].pos].flags & WORD_CONNECTOR))
		return 0;
	for (k = 0; k < n; k++) {
		const reg_form *f = &reg->forms[p[k].form];
		size_t start;

		if ((f->kind != FORM_NAME && f->kind != FORM_ALSO) ||
		    p[k].pos > i)
			continue;
		start = i - p[k].pos;
		if (start + f->n_words > d->n || tried_before(reg, d, start, f, p[k].pos) ||
		    !window_free(mark, start, f->n_words) ||
		    !match_near(reg, d, start, p[k].form,
		                own_government(d, start, &reg->bodies[f->body])))
			continue;
		if (found != (size_t)-1 && reg->forms[found].body != f->body)
			return 0;
		if (found == (size_t)-1) {
			found = p[k].form;
			found_start = start;
		}
	}
	if (found == (size_t)-1)
		return 0;
	if (add_mention(nm, cap, found_start, reg->forms[found].n_words, found, 1) != 0)
		return -1;
	mark_words(mark, found_start, reg->forms[found].n_words);
	return 0;
}

static int by_first(const void *a, const void *b)
{
	const mention *x = a;
	const mention *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

/* ---- ways of naming a body ------------------------------------------------------ */

/* One way a body is named, and how often. */
typedef struct way_count {
	size_t body;
	size_t way;
	size_t count;
	size_t first;        /* its first mention */
} way_count;

/* Whether way a should be kept over way b: used more, or as often and the
 * registered name, or as often and first. */
static int keep_over(const registry *reg, const naming *nm, const way_count *a,
                     const way_count *b)
{
	int a_name = reg->forms[a->way].kind == FORM_NAME;
	int b_name = reg->forms[b->way].kind == FORM_NAME;

	if (a->count != b->count)
		return a->count > b->count;
	if (a_name != b_name)
		return a_name;
	return nm->mentions[a->first].first < nm->mentions[b->first].first;
}

/* Fills nm->ways from the counted mentions. */
static int count_ways(const registry *reg, naming *nm)
{
	way_count *wc = calloc(nm->n_mentions ? nm->n_mentions : 1, sizeof(*wc));
	size_t n_wc = 0;
	size_t i;
	size_t k;

	nm->ways = calloc(nm->n_mentions ? nm->n_mentions : 1, sizeof(*nm->ways));
	if (wc == NULL || nm->ways == NULL) {
		free(wc);
		return -1;
	}
	for (i = 0; i < nm->n_mentions; i++) {
		mention *m = &nm->mentions[i];

		if (!m->counted)
			continue;
		for (k = 0; k < n_wc && !(wc[k].body == reg->forms[m->form].body && wc[k].way == m->way);
		     k++)
			;
		if (k == n_wc) {
			wc[n_wc].body = reg->forms[m->form].body;
			wc[n_wc].way = m->way;
			wc[n_wc].first = i;
			n_wc++;
		}
		wc[k].count++;
	}
	for (k = 0; k < n_wc; k++) {
		body_ways *bw = NULL;

		for (i = 0; i < nm->n_ways; i++)
			if (nm->ways[i].body == wc[k].body)
				bw = &nm->ways[i];
		if (bw == NULL) {
			bw = &nm->ways[nm->n_ways++];
			bw->body = wc[k].body;
			bw->kept_way = wc[k].way;
			bw->kept_first = wc[k].first;
			bw->kept_count = wc[k].count;
		} else {
			way_count cur = { bw->body, bw->kept_way, bw->kept_count, bw->kept_first };

			if (keep_over(reg, nm, &wc[k], &cur)) {
				bw->kept_way = wc[k].way;
				bw->kept_first = wc[k].first;
				bw->kept_count = wc[k].count;
			}
		}
	}
	for (i = 0; i < nm->n_mentions; i++)
		for (k = 0; nm->mentions[i].counted && k < nm->n_ways; k++)
			if (nm->ways[k].body == reg->forms[nm->mentions[i].form].body)
				nm->mentions[i].body_slot = k;
	free(wc);
	return 0;
}

int naming_read(const stmtlint_host *host, const registry *reg, const stmtlint_doc *doc,
                naming *nm)
{
	unsigned char *mark;
	size_t cap = 0;
	size_t i;

	memset(nm, 0, sizeof(*nm));
	if (draft_read(host, doc, &nm->draft) != 0)
		return -1;
	mark = calloc(nm->draft.n ? nm->draft.n : 1, 1);
	if (mark == NULL || find_exact(reg, nm, mark, &cap) != 0)
		goto fail;
	for (i = 0; i < nm->draft.n; i++)
		if (!(mark[i] & MARK_COVERED) && nm->draft.words[i].len > 0 &&
		    find_near_at(reg, nm, mark, &cap, i) != 0)
			goto fail;
	if (nm->n_mentions > 1)
		qsort(nm->mentions, nm->n_mentions, sizeof(*nm->mentions), by_first);
	for (i = 0; i < nm->n_mentions; i++) {
		mention *m = &nm->mentions[i];
		const reg_form *f = &reg->forms[m->form];

		m->in_context = before_fits(reg, doc, &nm->draft, mark, m->first) &&
		                after_fits(doc, &nm->draft, mark, m->first + m->n - 1);
		m->counted = m->in_context && !m->near && f->n_words > 1 &&
		             (f->kind == FORM_NAME || f->kind == FORM_ALSO);
		m->way = f->way;
	}
	if (count_ways(reg, nm) != 0)
		goto fail;
	nm->year = draft_year(doc);
	free(mark);
	return 0;
fail:
	free(mark);
	naming_free(nm);
	return -1;
}

void naming_free(naming *nm)
{
	draft_free(&nm->draft);
	free(nm->mentions);
	free(nm->ways);
	memset(nm, 0, sizeof(*nm));
}

/* ---- fix-its -------------------------------------------------------------------- */

static int space_byte(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

void naming_fix(const stmtlint_host *host, stmtlint_diag *dg, const stmtlint_doc *doc,
                size_t start, size_t end, const char *to, const char *title)
{
	const char *t = doc->text;
	size_t tn = strlen(to);
	size_t a = start;         /* the first byte of the draft that differs */
	size_t b = 0;             /* and of `to` */
	size_t ea = end;          /* one past the last byte that differs */
	size_t eb = tn;
	char *repl;

	if (dg == NULL)
		return;
	/* the common start, a run of white space in the draft matching a space */
	while (a < end && b < tn) {
		if (space_byte(t[a]) && to[b] == ' ') {
			while (a < end && space_byte(t[a]))
				a++;
			b++;
		} else if (t[a] == to[b]) {
			a++;
			b++;
		} else {
			break;
		}
	}
	/* back to a character boundary */
	while (a > start && ((unsigned char)t[a] & 0xC0) == 0x80) {
		a--;
		b--;
	}
	/* the common end, not overlapping the common start */
	while (ea > a && eb > b && t[ea - 1] == to[eb - 1] && !space_byte(t[ea - 1])) {
		ea--;
		eb--;
	}
	while (ea < end && ((unsigned char)t[ea] & 0xC0) == 0x80) {
		ea++;
		eb++;
	}
	repl = strndup(to + b, eb - b);
	if (repl == NULL)
		return;
	host->fix_titled(dg, a, ea, repl, title);
	free(repl);
}
