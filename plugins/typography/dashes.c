/* dashes.c - a hyphen standing for a dash ("the dialogue - held in Tokyo -
 * agreed", "the dialogue--held in Tokyo") in a draft whose dashes are
 * mostly real: em dashes (—), or spaced en dashes ( – ).  Each is reported
 * with a fix-it to the draft's own dash, spaced as the draft spaces it.  A
 * spaced hyphen between numbers ("2011 - 2012") is a range, no dash; a
 * hyphen at the start of a line is a list marker. */
#include <string.h>

#include "typography.h"

/* The longest run of hyphens read as a dash ("--", "---"); longer runs are
 * rules drawn across the text. */
#define MAX_DASH_HYPHENS 3

/* One hyphen dash: what it replaces, spaces around it included. */
typedef struct hyphen_dash {
	size_t start;
	size_t end;
	size_t hyphens;
} hyphen_dash;

/* The draft's dashes. */
typedef struct dash_count {
	size_t em_spaced;
	size_t em_tight;
	size_t en_spaced;
	size_t hyphens;         /* hyphen dashes */
} dash_count;

static int is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* Reads the run of hyphens at i as a dash: 1 with *dash filled, else 0. */
static int read_hyphen_dash(const typo_run *r, size_t i, hyphen_dash *dash)
{
	const stmtlint_doc *doc = r->doc;
	size_t end = i;
	size_t len;
	uint32_t before;
	uint32_t after;

	while (end < doc->length && doc->text[end] == '-' && typo_prose(doc, end))
		end++;
	dash->hyphens = end - i;
	if (dash->hyphens > MAX_DASH_HYPHENS)
		return 0;
	dash->start = i;
	dash->end = end;
	while (typo_inline_space(r, typo_cp_before(r, dash->start, &len)) &&
	       typo_prose(doc, dash->start - len))
		dash->start -= len;
	while (typo_inline_space(r, typo_cp_at(r, dash->end, &len)) && typo_prose(doc, dash->end))
		dash->end += len;
	before = typo_cp_before(r, dash->start, &len);
	after = typo_cp_at(r, dash->end, &len);
	if (before == 0 || before == '\n' || before == '\r' || after == 0 || after == '\n' ||
	    after == '\r' || before == '-' || after == '-')
		return 0;
	if (dash->hyphens == 1)
		return dash->start < i && dash->end > end && !(is_digit(before) && is_digit(after));
	return 1;
}

/* Counts the real dashes of the draft. */
static void count_dashes(const typo_run *r, dash_count *c)
{
	const stmtlint_doc *doc = r->doc;
	size_t i = 0;

	for (;;) {
		const char *hit = memchr(doc->text + i, 0xE2, doc->length - i);
		size_t len;
		int spaced;

		if (!hit || (size_t)(hit - doc->text) + 3 > doc->length)
			return;
		i = (size_t)(hit - doc->text);
		if ((unsigned char)doc->text[i + 1] != 0x80) {
			i++;
			continue;
		}
		spaced = r->host->is_space(typo_cp_before(r, i, &len)) &&
		         r->host->is_space(typo_cp_at(r, i + 3, &len));
		if (typo_prose(doc, i) && (unsigned char)doc->text[i + 2] == 0x94) {
			c->em_spaced += spaced;
			c->em_tight += !spaced;
		} else if (typo_prose(doc, i) && (unsigned char)doc->text[i + 2] == 0x93) {
			c->en_spaced += spaced;
		}
		i += 2;
	}
}

/* Walks the hyphen dashes; reports them when `replacement` is set, else
 * only counts them. */
static size_t hyphen_dashes(const typo_run *r, const char *replacement)
{
	const stmtlint_doc *doc = r->doc;
	size_t n = 0;
	size_t i = 0;

	for (;;) {
		hyphen_dash dash;

		/* memchr, not strcspn: a draft may hold NUL bytes, at which
		   strcspn would stop without moving on */
		const char *hit = i < doc->length ? memchr(doc->text + i, '-', doc->length - i) : NULL;

		if (hit == NULL)
			return n;
		i = (size_t)(hit - doc->text);
		if (!typo_prose(doc, i) || (i > 0 && doc->text[i - 1] == '-') ||
		    !read_hyphen_dash(r, i, &dash)) {
			while (i < doc->length && doc->text[i] == '-')
				i++;
			continue;
		}
		n++;
		if (replacement) {
			stmtlint_diag *d = r->host->report(
				r->ctx, CHECK_DASH, dash.start, dash.end,
				"a %s used as a dash where the draft uses \xE2\x80\x98%.3s\xE2\x80\x99%s",
				dash.hyphens == 1 ? "hyphen" : "double hyphen",
				replacement + (replacement[0] == ' '),
				replacement[0] == ' ' ? " with spaces" : "");

			r->host->fix_titled(d, dash.start, dash.end, replacement, NULL);
		}
		i += dash.hyphens;
	}
}

int typo_dashes(const typo_run *r)
{
	dash_count c;
	size_t em;
	const char *form;

	memset(&c, 0, sizeof(c));
	count_dashes(r, &c);
	em = c.em_spaced + c.em_tight;
	if (em + c.en_spaced == 0)
		return 0;
	c.hyphens = hyphen_dashes(r, NULL);
	if (c.hyphens == 0 || c.hyphens >= em + c.en_spaced)
		return 0;
	if (em >= c.en_spaced)
		form = c.em_spaced > c.em_tight ? " \xE2\x80\x94 " : "\xE2\x80\x94";
	else
		form = " \xE2\x80\x93 ";
	hyphen_dashes(r, form);
	return 0;
}
