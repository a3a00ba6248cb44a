/* spacing.c - spaces around punctuation: a space before , ; : . or ) ("critical
 * infrastructure ;"), none after a full stop that ends a sentence
 * ("year.The"), two inside a sentence of a single-spaced draft. */
#include <string.h>

#include "typography.h"

/* A draft is single-spaced when its double spaces inside sentences are at
 * most one in this many of its single spaces between words. */
#define SINGLE_SPACED_RATIO 20
/* The longest run of spaces reported as a double space: longer runs lay
 * text out (a table, an aligned column), they are no slip of the thumb. */
#define MAX_SLIP_SPACES 3

/* Whether the byte before the run of spaces starting at `start` makes the space
 * one a reader sees: text, a Markdown marker or an escape, on the same line. */
static int visible_before(const typo_run *r, size_t start)
{
	unsigned reason;

	if (start == 0 || r->doc->text[start - 1] == '\n')
		return 0;
	reason = r->doc->nonprose ? r->doc->nonprose[start - 1] : 0;
	return reason == STMTLINT_NONPROSE_NONE || reason == STMTLINT_NONPROSE_MARKUP ||
	       reason == STMTLINT_NONPROSE_ESCAPE;
}

/* The start of the run of prose spaces inside a line that ends at `end`. */
static size_t space_run_start(const typo_run *r, size_t end)
{
	size_t start = end;

	for (;;) {
		size_t len;
		uint32_t cp = typo_cp_before(r, start, &len);

		if (!typo_inline_space(r, cp) || !typo_prose(r->doc, start - len))
			return start;
		start -= len;
	}
}

/* Whether the punctuation at i, after a space, is no mistake: an ellipsis
 * (" ..."), a decimal (" .5"), a name (" .NET", " .gov"), an empty "( )". */
static int space_allowed(const typo_run *r, size_t start, size_t i)
{
	const char *t = r->doc->text;
	char c = t[i];
	char next = i + 1 < r->doc->length ? t[i + 1] : '\0';

	if (c == '.' && (next == '.' || (next >= '0' && next <= '9') ||
	                 (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')))
		return 1;
	if (c == ':' && next >= '0' && next <= '9')
		return 1;
	return c == ')' && start > 0 && t[start - 1] == '(';
}

static void space_before(const typo_run *r, size_t i)
{
	size_t start = space_run_start(r, i);
	stmtlint_diag *d;
	char title[48];

	if (start == i || !visible_before(r, start) || space_allowed(r, start, i))
		return;
	d = r->host->report(r->ctx, CHECK_SPACE_BEFORE, start, i + 1,
	                    "a space before \xE2\x80\x98%c\xE2\x80\x99", r->doc->text[i]);
	strcpy(title, "Remove the space before \xE2\x80\x98?\xE2\x80\x99");
	*strchr(title, '?') = r->doc->text[i];
	r->host->fix_titled(d, start, i, "", title);
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* A full stop at i with a sentence's capital right after it ("year.The"),
 * looking through emphasis markers ("year.**The**").  Not an initial
 * ("U.S.", "e.g."), a decimal, a section reference ("2.(1)"), a URL. */
static void missing_space(const typo_run *r, size_t i)
{
	const stmtlint_doc *doc = r->doc;
	const char *t = doc->text;
	size_t next = i + 1;
	stmtlint_diag *d;

	if (i < 2 || !(is_lower(t[i - 1]) || (t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == ')'))
		return;
	if (!(is_lower(t[i - 2]) || is_upper(t[i - 2]) || (t[i - 2] >= '0' && t[i - 2] <= '9')))
		return;
	while (next < doc->length && doc->nonprose && doc->nonprose[next] == STMTLINT_NONPROSE_MARKUP &&
	       (t[next] == '*' || t[next] == '_'))
		next++;
	if (next + 1 >= doc->length || !typo_prose(doc, next) || !is_upper(t[next]) ||
	    !is_lower(t[next + 1]))
		return;
	d = r->host->report(r->ctx, CHECK_MISSING_SPACE, i, next + 1,
	                    "no space after the full stop before \xE2\x80\x98%c\xE2\x80\x99", t[next]);
	r->host->fix_titled(d, i + 1, i + 1, " ", "Add a space after the full stop");
}

static void punctuation(const typo_run *r)
{
	const stmtlint_doc *doc = r->doc;
	int before = r->host->enabled(r->ctx, CHECK_SPACE_BEFORE);
	int missing = r->host->enabled(r->ctx, CHECK_MISSING_SPACE);
	size_t i = 0;

	for (;;) {
		i += strcspn(doc->text + i, ",;:.)");
		if (i >= doc->length)
			return;
		if (typo_prose(doc, i)) {
			if (before)
				space_before(r, i);
			if (missing && doc->text[i] == '.')
				missing_space(r, i);
		}
		i++;
	}
}

/* ---- double spaces ---------------------------------------------------------- */

/* Whether the code point before a gap ends a sentence or clause: then two
 * spaces are a typist's sentence spacing, not a slip. */
static int ends_clause(const typo_run *r, size_t at)
{
	size_t k = at;

	while (k > 0 && strchr("\"')]*_", r->doc->text[k - 1]) != NULL)
		k--;
	while (k >= 3 && (unsigned char)r->doc->text[k - 3] == 0xE2 &&
	       (unsigned char)r->doc->text[k - 2] == 0x80 &&
	       ((unsigned char)r->doc->text[k - 1] == 0x9D || (unsigned char)r->doc->text[k - 1] == 0x99))
		k -= 3;
	return k > 0 && strchr(".!?:;", r->doc->text[k - 1]) != NULL;
}

/* Whether the line holds only a list marker before `start` ("-", "*", "•",
 * "1.", "8\\.", "(3)", "a)"): the spaces after a marker lay out a list. */
static int after_marker(const typo_run *r, size_t start)
{
	const char *t = r->doc->text;
	size_t k = start;
	size_t n = 0;

	while (k > 0 && t[k - 1] != '\n' && t[k - 1] != ' ' && t[k - 1] != '\t' && n <= 6) {
		k--;
		n++;
	}
	if (n == 0 || n > 6)
		return 0;
	while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
		k--;
	if (k > 0 && t[k - 1] != '\n')
		return 0;
	if (n == 1 && strchr("-*+", t[k]))
		return 1;
	if (n == 3 && memcmp(t + k, "\xE2\x80\xA2", 3) == 0)
		return 1;
	return strchr(".)", t[start - 1]) != NULL;
}

/* The bytes that may start a space: ' ', a tab, or the first byte of a
 * Unicode space (U+00A0, U+1680, U+2000-U+205F, U+3000).  Any other byte
 * is skipped without decoding: this walk reads every byte of the draft. */
static const unsigned char space_lead[256] = {
	[' '] = 1, ['\t'] = 1, [0xC2] = 1, [0xE1] = 1, [0xE2] = 1, [0xE3] = 1
};

/* Whether the run of n spaces [start, end), followed by `next`, is a slip
 * inside a sentence: between two visible characters of one line, not after
 * a list marker or the end of a sentence or clause, not before
 * punctuation (a space-before finding) nor around a hyphen (a dash), and
 * at most MAX_SLIP_SPACES long. */
static int slip(const typo_run *r, size_t start, size_t end, size_t n, uint32_t next)
{
	const stmtlint_doc *doc = r->doc;

	if (n > MAX_SLIP_SPACES || next == '\t' || next == 0 || next == '\n' || next == '\r' ||
	    !typo_prose(doc, end) || !visible_before(r, start) || !typo_prose(doc, start - 1))
		return 0;
	return !after_marker(r, start) && !strchr(",;:.)-", doc->text[end]) &&
	       doc->text[start - 1] != '-' && !ends_clause(r, start);
}

/* The code point at i, decoded by the host unless it is a plain space. */
static uint32_t space_at(const typo_run *r, size_t i, size_t *len)
{
	if (i < r->doc->length && r->doc->text[i] == ' ') {
		*len = 1;
		return ' ';
	}
	return typo_cp_at(r, i, len);
}

/* Walks the runs of spaces inside lines of prose: counts single spaces
 * (all of them: the ratio needs no more), and reports (when `report`) the runs of 2 to
 * MAX_SLIP_SPACES inside a sentence.  Returns the number of such runs. */
static size_t double_spaces(const typo_run *r, size_t *singles, int report)
{
	const stmtlint_doc *doc = r->doc;
	size_t doubles = 0;
	size_t i = 0;

	while (i < doc->length) {
		size_t len;
		size_t start;
		size_t n = 0;
		uint32_t cp;

		while (i < doc->length && !space_lead[(unsigned char)doc->text[i]])
			i++;
		if (i >= doc->length)
			break;
		/* The common case first: one plain space, counted and passed. */
		if (doc->text[i] == ' ' && i + 1 < doc->length &&
		    !space_lead[(unsigned char)doc->text[i + 1]]) {
			*singles += typo_prose(doc, i);
			i++;
			continue;
		}
		start = i;
		cp = space_at(r, i, &len);
		if (!typo_inline_space(r, cp) || !typo_prose(doc, i)) {
			i += len;
			continue;
		}
		while (typo_inline_space(r, cp) && typo_prose(doc, i) && cp != '\t') {
			n++;
			i += len;
			cp = space_at(r, i, &len);
		}
		if (n == 0) {
			i += len;
			continue;
		}
		/* Single spaces are only counted, for the ratio. */
		if (n == 1) {
			(*singles)++;
			continue;
		}
		if (!slip(r, start, i, n, cp))
			continue;
		doubles++;
		if (report) {
			stmtlint_diag *d = r->host->report(r->ctx, CHECK_DOUBLE_SPACE, start, i,
			                                   "%zu spaces inside a sentence", n);

			r->host->fix_titled(d, start, i, " ", "Make it one space");
		}
	}
	return doubles;
}

int typo_spacing(const typo_run *r)
{
	size_t singles = 0;
	size_t doubles;

	if (r->host->enabled(r->ctx, CHECK_SPACE_BEFORE) ||
	    r->host->enabled(r->ctx, CHECK_MISSING_SPACE))
		punctuation(r);
	/* Markdown is read rendered, and a renderer shows a run of spaces as one. */
	if (!r->host->enabled(r->ctx, CHECK_DOUBLE_SPACE) ||
	    r->doc->format == STMTLINT_FORMAT_MARKDOWN)
		return 0;
	doubles = double_spaces(r, &singles, 0);
	if (doubles > 0 && doubles * SINGLE_SPACED_RATIO <= singles)
		double_spaces(r, &singles, 1);
	return 0;
}
