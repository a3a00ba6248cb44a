/* balance.c - parentheses and quotation marks of a paragraph that are left
 * open, or close what was never opened; each reported at the unmatched
 * mark.  A quotation left open at the end of a paragraph whose next
 * paragraph opens with a quotation mark is a quotation of several
 * paragraphs.  An enumerator ("a)", "iv)", "2)") is no closing parenthesis,
 * and an apostrophe ("don’t", "States’") closes no single quotation. */
#include <stdlib.h>
#include <string.h>

#include "typography.h"

/* The longest enumerator before a ')' ("iii", "12"). */
#define MAX_ENUMERATOR 4

/* Offsets of the marks still open. */
typedef struct open_marks {
	size_t *v;
	size_t n;
	size_t cap;
} open_marks;

static int push(open_marks *m, size_t at)
{
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		size_t *grown = realloc(m->v, cap * sizeof(*grown));

		if (!grown)
			return -1;
		m->v = grown;
		m->cap = cap;
	}
	m->v[m->n++] = at;
	return 0;
}

/* The marks open in one paragraph. */
typedef struct balance_scan {
	open_marks parens;
	open_marks doubles;     /* “ and straight " */
	open_marks singles;     /* ‘ */
} balance_scan;

static int is_ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether the ')' at i ends an enumerator: up to MAX_ENUMERATOR letters or
 * digits after a space or the start of a line. */
static int enumerator(const stmtlint_doc *doc, size_t i)
{
	size_t k = i;

	while (k > 0 && i - k < MAX_ENUMERATOR && is_ascii_alnum(doc->text[k - 1]))
		k--;
	return k < i && (k == 0 || doc->text[k - 1] == ' ' || doc->text[k - 1] == '\n' ||
	                 doc->text[k - 1] == '\t');
}

/* Whether the ’ at i stands between two letters or digits, or after an s
 * ending a word: an apostrophe. */
static int apostrophe(const typo_run *r, size_t i)
{
	size_t len;
	uint32_t before = typo_cp_before(r, i, &len);
	uint32_t after = typo_cp_at(r, i + 3, &len);

	return r->host->is_word_char(before) && r->host->is_word_char(after);
}

static void report_mark(const typo_run *r, size_t at, size_t len, const char *what)
{
	r->host->report(r->ctx, CHECK_UNBALANCED, at, at + len, "\xE2\x80\x98%.*s\xE2\x80\x99 %s",
	                (int)len, r->doc->text + at, what);
}

/* Reads one mark of the paragraph at i; returns its length in bytes (1 when
 * it is no mark), or 0 when out of memory. */
static size_t read_mark(const typo_run *r, balance_scan *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)r->doc->text + i;

	if (u[0] == '(')
		return push(&s->parens, i) < 0 ? 0 : 1;
	if (u[0] == ')') {
		if (s->parens.n > 0)
			s->parens.n--;
		else if (!enumerator(r->doc, i))
			report_mark(r, i, 1, "closes no \xE2\x80\x98(\xE2\x80\x99 in this paragraph");
		return 1;
	}
	if (u[0] == '"' && !typo_prime(r, i)) {
		if (s->doubles.n > 0)
			s->doubles.n--;
		else if (push(&s->doubles, i) < 0)
			return 0;
		return 1;
	}
	if (u[0] != 0xE2 || i + 3 > r->doc->length || u[1] != 0x80)
		return 1;
	if (u[2] == 0x9C)
		return push(&s->doubles, i) < 0 ? 0 : 3;
	if (u[2] == 0x98)
		return push(&s->singles, i) < 0 ? 0 : 3;
	if (u[2] == 0x9D) {
		if (s->doubles.n > 0)
			s->doubles.n--;
		else
			report_mark(r, i, 3, "closes no \xE2\x80\x98\xE2\x80\x9C\xE2\x80\x99 in this paragraph");
		return 3;
	}
	if (u[2] == 0x99 && s->singles.n > 0 && !apostrophe(r, i))
		s->singles.n--;
	return u[2] >= 0x98 && u[2] <= 0x9D ? 3 : 1;
}

/* The bytes that start a mark: ( ) " and the first byte of “ ” ‘ ’. */
static const unsigned char mark_byte[256] = { ['('] = 1, [')'] = 1, ['"'] = 1, [0xE2] = 1 };

static int in_span(stmtlint_span s, size_t i)
{
	return i >= s.start && i < s.end;
}

/* Whether block b opens with a quotation mark (after its marker). */
static int opens_with_quote(const stmtlint_doc *doc, const stmtlint_block *b)
{
	const char *t = doc->text + b->content.start;
	size_t n = b->content.end - b->content.start;

	return (n >= 1 && t[0] == '"') || (n >= 3 && memcmp(t, "\xE2\x80\x9C", 3) == 0);
}

/* Reports what is still open at the end of block `b`. */
static void report_open(const typo_run *r, const balance_scan *s, size_t b)
{
	const stmtlint_doc *doc = r->doc;
	size_t next = b + 1;
	size_t k;

	for (k = 0; k < s->parens.n; k++)
		report_mark(r, s->parens.v[k], 1, "is not closed in this paragraph");
	while (next < doc->n_blocks && !typo_prose_block(&doc->blocks[next]))
		next++;
	if (next >= doc->n_blocks || !opens_with_quote(doc, &doc->blocks[next])) {
		for (k = 0; k < s->doubles.n; k++)
			report_mark(r, s->doubles.v[k], doc->text[s->doubles.v[k]] == '"' ? 1 : 3,
			            "is not closed in this paragraph");
	}
	for (k = 0; k < s->singles.n; k++)
		report_mark(r, s->singles.v[k], 3, "is not closed in this paragraph");
}

static int scan_block(const typo_run *r, balance_scan *s, size_t b)
{
	const stmtlint_doc *doc = r->doc;
	const stmtlint_block *block = &doc->blocks[b];
	size_t i = block->span.start;

	s->parens.n = s->doubles.n = s->singles.n = 0;
	/* A byte at a time: a search that stops only at a mark would read on
	 * past the block, to the end of the draft, for every block. */
	while (i < block->span.end) {
		size_t len = 1;

		if (!mark_byte[(unsigned char)doc->text[i]]) {
			i++;
			continue;
		}
		if (typo_prose(doc, i) && !in_span(block->marker, i) && !in_span(block->number, i)) {
			len = read_mark(r, s, i);
			if (len == 0)
				return -1;
		}
		i += len;
	}
	report_open(r, s, b);
	return 0;
}

int typo_balance(const typo_run *r)
{
	balance_scan s;
	size_t b;
	int rc = 0;

	memset(&s, 0, sizeof(s));
	for (b = 0; b < r->doc->n_blocks && rc == 0; b++) {
		if (typo_prose_block(&r->doc->blocks[b]))
			rc = scan_block(r, &s, b);
	}
	free(s.parens.v);
	free(s.doubles.v);
	free(s.singles.v);
	return rc;
}
