/* repeated.c - a word typed twice: "in the the first half", also across a
 * line break ("the\nthe"), but not the doubles English allows ("had had",
 * "that that"), names ("Walla Walla") or numbers. */
#include <string.h>

#include "typography.h"

/* The longest word compared, normalised, in bytes. */
#define MAX_WORD_BYTES 64

/* What stands between two words. */
enum gap { GAP_OTHER, GAP_SPACE, GAP_MARKUP };

/* Whether text[from, to) is white space within one paragraph (GAP_SPACE),
 * white space and Markdown markers (GAP_MARKUP: "the **the**"), or
 * anything else, a blank line included. */
static enum gap gap_between(const typo_run *r, size_t from, size_t to)
{
	const stmtlint_doc *doc = r->doc;
	enum gap gap = GAP_SPACE;
	int line_ends = 0;
	size_t i = from;

	while (i < to) {
		size_t len;
		uint32_t cp = typo_cp_at(r, i, &len);
		unsigned reason = doc->nonprose ? doc->nonprose[i] : 0;

		if (reason == STMTLINT_NONPROSE_MARKUP || reason == STMTLINT_NONPROSE_ESCAPE)
			gap = GAP_MARKUP;
		else if (reason != STMTLINT_NONPROSE_NONE || !r->host->is_space(cp))
			return GAP_OTHER;
		else if (cp == '\n' && ++line_ends > 1)
			return GAP_OTHER;
		i += len;
	}
	return gap;
}

static int has_digit(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	}
	return 0;
}

/* A quick test before the host's comparison: two words whose first bytes
 * are ASCII letters that differ beyond case are different words. */
static int same_ascii_start(char a, char b)
{
	if ((unsigned char)a > 0x7F || (unsigned char)b > 0x7F)
		return 1;
	return (a | 0x20) == (b | 0x20);
}

static int starts_upper(const typo_run *r, size_t at)
{
	size_t len;
	uint32_t cp = typo_cp_at(r, at, &len);

	return r->host->fold_case(cp) != cp;
}

static int allowed_double(const typo_state *st, const char *norm)
{
	size_t k;

	for (k = 0; k < st->n_doubles; k++) {
		if (strcmp(st->doubles[k], norm) == 0)
			return 1;
	}
	return 0;
}

/* Whether words w - 1 and w of the draft are one word typed twice. */
static int repeated(const typo_run *r, size_t w, enum gap *gap)
{
	const stmtlint_doc *doc = r->doc;
	const stmtlint_span *a = &doc->words[w - 1];
	const stmtlint_span *b = &doc->words[w];
	char na[MAX_WORD_BYTES + 1];
	char nb[MAX_WORD_BYTES + 1];
	size_t la;
	size_t lb;

	if (a->end - a->start != b->end - b->start || a->end - a->start > MAX_WORD_BYTES ||
	    !same_ascii_start(doc->text[a->start], doc->text[b->start]) ||
	    has_digit(doc->text + b->start, b->end - b->start))
		return 0;
	la = r->host->word_normalize(doc->text + a->start, a->end - a->start, na, sizeof(na));
	lb = r->host->word_normalize(doc->text + b->start, b->end - b->start, nb, sizeof(nb));
	if (la == 0 || la != lb || la > MAX_WORD_BYTES || memcmp(na, nb, la) != 0)
		return 0;
	if (starts_upper(r, a->start) && starts_upper(r, b->start))
		return 0;
	if (allowed_double(r->st, na))
		return 0;
	*gap = gap_between(r, a->end, b->start);
	return *gap != GAP_OTHER;
}

int typo_repeated_words(const typo_run *r)
{
	const stmtlint_doc *doc = r->doc;
	size_t w;

	for (w = 1; w < doc->n_words; w++) {
		const stmtlint_span *a = &doc->words[w - 1];
		const stmtlint_span *b = &doc->words[w];
		enum gap gap;
		stmtlint_diag *d;

		if (!repeated(r, w, &gap))
			continue;
		d = r->host->report(r->ctx, CHECK_REPEATED_WORD, a->start, b->end,
		                    "\xE2\x80\x98%.*s\xE2\x80\x99 is typed twice", (int)(b->end - b->start),
		                    doc->text + b->start);
		/* Dropping the second word keeps the first's capital. */
		if (gap == GAP_SPACE)
			r->host->fix_titled(d, a->end, b->end, "", "Remove the repeated word");
	}
	return 0;
}
