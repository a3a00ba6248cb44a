/* quotes.c - straight ("') and curly (“”‘’) quotation marks and apostrophes
 * mixed in one draft: each mark of the style fewer marks use is reported,
 * with a fix-it to the style most use.  Primes (5'10", 35°41'N) are no
 * quotation marks. */
#include <string.h>

#include "typography.h"

enum mark_kind { MARK_NONE, MARK_STRAIGHT, MARK_CURLY };

/* What the mark at i is, and its length in bytes. */
static enum mark_kind mark_at(const typo_run *r, size_t i, size_t *len)
{
	const unsigned char *u = (const unsigned char *)r->doc->text + i;

	*len = 1;
	if (u[0] == '"' || u[0] == '\'')
		return typo_prime(r, i) ? MARK_NONE : MARK_STRAIGHT;
	if (u[0] == 0xE2 && i + 3 <= r->doc->length && u[1] == 0x80 && u[2] >= 0x98 && u[2] <= 0x9D &&
	    u[2] != 0x9A && u[2] != 0x9B) {
		*len = 3;
		return MARK_CURLY;
	}
	return MARK_NONE;
}

/* Counts the prose marks of each style. */
static void count_marks(const typo_run *r, size_t *straight, size_t *curly)
{
	const stmtlint_doc *doc = r->doc;
	size_t i = 0;

	*straight = *curly = 0;
	for (;;) {
		size_t len = 1;
		enum mark_kind kind;

		i += strcspn(doc->text + i, "\"'\xE2");
		if (i >= doc->length)
			return;
		kind = typo_prose(doc, i) ? mark_at(r, i, &len) : MARK_NONE;
		*straight += kind == MARK_STRAIGHT;
		*curly += kind == MARK_CURLY;
		i += len;
	}
}

/* Whether the code point before a mark lets it open a quotation: the
 * start of a line, a space, an opening bracket or a dash. */
static int opens(const typo_run *r, size_t i)
{
	size_t n;
	uint32_t before = typo_cp_before(r, i, &n);

	return before == 0 || r->host->is_space(before) || before == '(' || before == '[' ||
	       before == '{' || before == 0x2014 || before == 0x2013 || before == 0x201C ||
	       before == 0x2018;
}

/* The curly form of the straight mark at i, or NULL when its direction is
 * not certain (spaces on both sides). */
static const char *curly_form(const typo_run *r, size_t i)
{
	size_t n;
	uint32_t before = typo_cp_before(r, i, &n);
	uint32_t after = typo_cp_at(r, i + 1, &n);
	int double_mark = r->doc->text[i] == '"';
	int open = opens(r, i);

	if (open && (after == 0 || r->host->is_space(after)))
		return NULL;
	if (!double_mark && (r->host->is_word_char(before) || (after >= '0' && after <= '9')))
		return "\xE2\x80\x99";
	if (double_mark)
		return open ? "\xE2\x80\x9C" : "\xE2\x80\x9D";
	return open ? "\xE2\x80\x98" : "\xE2\x80\x99";
}

static void report_straight(const typo_run *r, size_t i)
{
	const char *form = curly_form(r, i);
	int double_mark = r->doc->text[i] == '"';
	stmtlint_diag *d;

	d = r->host->report(r->ctx, CHECK_QUOTE_STYLE, i, i + 1,
	                    "straight %s \xE2\x80\x98%c\xE2\x80\x99 in a draft that uses curly ones",
	                    double_mark ? "quotation mark" : "quotation mark or apostrophe",
	                    r->doc->text[i]);
	if (form)
		r->host->fix_titled(d, i, i + 1, form, NULL);
}

static void report_curly(const typo_run *r, size_t i)
{
	unsigned char third = (unsigned char)r->doc->text[i + 2];
	int double_mark = third == 0x9C || third == 0x9D;
	stmtlint_diag *d;

	d = r->host->report(r->ctx, CHECK_QUOTE_STYLE, i, i + 3,
	                    "curly %s \xE2\x80\x98%.3s\xE2\x80\x99 in a draft that uses straight ones",
	                    double_mark ? "quotation mark" : "quotation mark or apostrophe",
	                    r->doc->text + i);
	r->host->fix_titled(d, i, i + 3, double_mark ? "\"" : "'", NULL);
}

int typo_quote_style(const typo_run *r)
{
	const stmtlint_doc *doc = r->doc;
	size_t straight;
	size_t curly;
	enum mark_kind minority;
	size_t i = 0;

	count_marks(r, &straight, &curly);
	if (straight == 0 || curly == 0 || straight == curly)
		return 0;
	minority = straight < curly ? MARK_STRAIGHT : MARK_CURLY;
	for (;;) {
		size_t len = 1;
		enum mark_kind kind;

		i += strcspn(doc->text + i, "\"'\xE2");
		if (i >= doc->length)
			return 0;
		kind = typo_prose(doc, i) ? mark_at(r, i, &len) : MARK_NONE;
		if (kind == minority && kind == MARK_STRAIGHT)
			report_straight(r, i);
		else if (kind == minority)
			report_curly(r, i);
		i += len;
	}
}
