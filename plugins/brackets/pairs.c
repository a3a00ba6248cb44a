/* pairs.c - the square brackets a reader of a draft sees, paired (pairs.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "pairs.h"

/* A growable array of size_t. */
typedef struct offsets {
	size_t *v;
	size_t n;
	size_t cap;
} offsets;

static int offsets_push(offsets *o, size_t value)
{
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 16;
		size_t *grown = realloc(o->v, cap * sizeof(*grown));

		if (!grown)
			return -1;
		o->v = grown;
		o->cap = cap;
	}
	o->v[o->n++] = value;
	return 0;
}

size_t bracket_block_at(const stmtlint_doc *doc, size_t offset)
{
	size_t lo = 0;
	size_t hi = doc->n_blocks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (doc->blocks[mid].span.start <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? lo - 1 : SIZE_MAX;
}

static int compare_pairs(const void *pa, const void *pb)
{
	const bracket_pair *a = pa;
	const bracket_pair *b = pb;

	return a->open < b->open ? -1 : a->open > b->open;
}

static int compare_offsets(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa;
	size_t b = *(const size_t *)pb;

	return a < b ? -1 : a > b;
}

/* Whether v[0, n) is in ascending order already (strays mostly are: the
 * ']' that closed nothing, then the '[' never closed, each in order). */
static int ascending(const size_t *v, size_t n)
{
	size_t k;

	for (k = 1; k < n; k++) {
		if (v[k - 1] > v[k])
			return 0;
	}
	return 1;
}

static int push_pair(bracket_scan *scan, size_t *cap, size_t open, size_t close)
{
	if (scan->n_pairs == *cap) {
		size_t grown_cap = *cap ? *cap * 2 : 16;
		bracket_pair *grown = realloc(scan->pairs, grown_cap * sizeof(*grown));

		if (!grown)
			return -1;
		scan->pairs = grown;
		*cap = grown_cap;
	}
	scan->pairs[scan->n_pairs].open = open;
	scan->pairs[scan->n_pairs].close = close;
	scan->n_pairs++;
	return 0;
}

/* One scan of a draft's brackets. */
typedef struct scanner {
	const stmtlint_doc *doc;
	const label_index *labels;
	bracket_scan *scan;
	offsets open;           /* visible '[' not yet closed, in draft order */
	offsets stray;          /* visible ']' that closed nothing */
	offsets markup_open;    /* '[' the host read as a link's */
	size_t pairs_cap;
	int in_tag;             /* inside an HTML tag ("<td class=…>") */
} scanner;

/* Opens the visible '[' at `at`, which may come before '[' already open
 * (a link's '[' found to be text only at its ']'). */
static int open_at(scanner *s, size_t at)
{
	size_t k;

	if (offsets_push(&s->open, at) < 0)
		return -1;
	for (k = s->open.n - 1; k > 0 && s->open.v[k - 1] > at; k--)
		s->open.v[k] = s->open.v[k - 1];
	s->open.v[k] = at;
	return 0;
}

/* Closes the innermost open '[' with the visible ']' at `at`. */
static int close_at(scanner *s, size_t at)
{
	if (s->open.n == 0)
		return offsets_push(&s->stray, at);
	return push_pair(s->scan, &s->pairs_cap, s->open.v[--s->open.n], at);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether t[start, end), the inside of a link's "(…)", is a destination and
 * an optional title, as CommonMark reads a link: "(see below)" is none, and
 * the brackets before it are text. */
static int link_target(const char *t, size_t start, size_t end)
{
	size_t i = start;
	char close;

	while (i < end && is_blank(t[i]))
		i++;
	if (i < end && t[i] == '<') {
		while (i < end && t[i] != '>')
			i++;
		i++;
	} else {
		while (i < end && !is_blank(t[i]))
			i++;
	}
	while (i < end && is_blank(t[i]))
		i++;
	while (end > i && is_blank(t[end - 1]))
		end--;
	if (i >= end)
		return 1;
	/* A title in parentheses ends at the ')' the host took for the link's. */
	if (t[i] == '(')
		return memchr(t + i, ')', end - i) == NULL;
	close = t[i];
	return (close == '"' || close == '\'') && end - i >= 2 && t[end - 1] == close;
}

/* The first byte after i on its line that is c and Markdown markup, or SIZE_MAX. */
static size_t markup_after(const stmtlint_doc *doc, size_t i, char c)
{
	for (i++; i < doc->length && doc->text[i] != '\n'; i++) {
		if (doc->text[i] == c && doc->nonprose && doc->nonprose[i] == STMTLINT_NONPROSE_MARKUP)
			return i;
	}
	return SIZE_MAX;
}

/* A ']' the host read as the end of a link's text, at i: a link whose
 * target is none ("[welcomed](see below)") or whose label the draft does
 * not define ("[welcomed][noted]") is text, and its brackets are seen.
 * Returns where to go on, or SIZE_MAX when out of memory. */
static size_t link_end(scanner *s, size_t i)
{
	const char *t = s->doc->text;
	size_t open = s->markup_open.n > 0 ? s->markup_open.v[--s->markup_open.n] : SIZE_MAX;
	size_t j = markup_after(s->doc, i, i + 1 < s->doc->length && t[i + 1] == '[' ? ']' : ')');
	int text;

	if (j == SIZE_MAX || open == SIZE_MAX)
		return i + 1;
	if (t[i + 1] == '(')
		text = !link_target(t, i + 2, j);
	else if (j > i + 2)
		text = !label_lookup(s->labels, t, i + 2, j);
	else
		text = !label_lookup(s->labels, t, open + 1, i);
	if (!text)
		return j + 1;
	/* "[welcomed][noted]" is two brackets; "[welcomed][]" one. */
	if (open_at(s, open) < 0 || close_at(s, i) < 0 ||
	    (t[i + 1] == '[' && j > i + 2 && push_pair(s->scan, &s->pairs_cap, i + 1, j) < 0))
		return SIZE_MAX;
	return t[i + 1] == '[' ? j + 1 : i + 1;
}

/* Reads the bracket or tag mark at i; returns where to go on, or SIZE_MAX
 * when out of memory. */
static size_t read_at(scanner *s, size_t i)
{
	const stmtlint_doc *doc = s->doc;
	char c = doc->text[i];
	unsigned reason = doc->nonprose ? doc->nonprose[i] : STMTLINT_NONPROSE_NONE;
	int visible = reason == STMTLINT_NONPROSE_NONE || (reason == STMTLINT_NONPROSE_HTML && !s->in_tag);

	/* The tags of raw HTML hide what is inside them, not what is between them. */
	if (c == '<' || c == '>') {
		if (reason == STMTLINT_NONPROSE_HTML)
			s->in_tag = c == '<';
		return i + 1;
	}
	/* strcspn stops at a NUL inside the draft too; ESC [ and ESC ] are
	 * terminal controls. */
	if (c == '\0' || (i > 0 && doc->text[i - 1] == '\x1B'))
		return i + 1;
	if (reason == STMTLINT_NONPROSE_MARKUP && c == '[')
		return offsets_push(&s->markup_open, i) < 0 ? SIZE_MAX : i + 1;
	if (reason == STMTLINT_NONPROSE_MARKUP && c == ']' && i + 1 < doc->length &&
	    (doc->text[i + 1] == '(' || doc->text[i + 1] == '['))
		return link_end(s, i);
	if (!visible)
		return i + 1;
	if (c == '[')
		return open_at(s, i) < 0 ? SIZE_MAX : i + 1;
	return close_at(s, i) < 0 ? SIZE_MAX : i + 1;
}

int bracket_scan_doc(const stmtlint_doc *doc, const label_index *labels, bracket_scan *scan)
{
	scanner s;
	size_t i = 0;
	size_t k;

	memset(scan, 0, sizeof(*scan));
	memset(&s, 0, sizeof(s));
	s.doc = doc;
	s.labels = labels;
	s.scan = scan;
	while (i < doc->length) {
		i += strcspn(doc->text + i, "[]<>");
		if (i >= doc->length)
			break;
		i = read_at(&s, i);
		if (i == SIZE_MAX)
			goto fail;
	}
	for (k = 0; k < s.open.n; k++) {
		if (offsets_push(&s.stray, s.open.v[k]) < 0)
			goto fail;
	}
	free(s.open.v);
	free(s.markup_open.v);
	/* (qsort must not be given the NULL of an empty array) */
	if (scan->n_pairs > 1)
		qsort(scan->pairs, scan->n_pairs, sizeof(*scan->pairs), compare_pairs);
	if (s.stray.n > 1 && !ascending(s.stray.v, s.stray.n))
		qsort(s.stray.v, s.stray.n, sizeof(*s.stray.v), compare_offsets);
	scan->stray = s.stray.v;
	scan->n_stray = s.stray.n;
	return 0;
fail:
	free(s.open.v);
	free(s.markup_open.v);
	free(s.stray.v);
	bracket_scan_free(scan);
	return -1;
}

void bracket_scan_free(bracket_scan *scan)
{
	free(scan->pairs);
	free(scan->stray);
	memset(scan, 0, sizeof(*scan));
}
