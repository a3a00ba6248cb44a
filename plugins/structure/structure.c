/* structure.c - the `structure` plugin: numbering and structure of a draft.
 *
 * Sections "1." "2." … in sequence; items "(1)" … "(n)" of a section without
 * gaps or repeats, all written in one form; one bullet marker per nesting
 * level (the most common); headings of one kind that all end with ':' or all do not; and
 * cross-references "2.(1)-(5)" that point to sections and items that exist.
 * A consistency check of headings takes the first occurrence as the pattern, as
 * markdownlint's "consistent" styles do, and says where it was set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stmtlint/plugin.h"

enum {
	CHECK_SECTIONS,
	CHECK_ITEMS,
	CHECK_ITEM_FORM,
	CHECK_BULLETS,
	CHECK_HEADING_COLON,
	CHECK_XREF,
	CHECK_RESTART
};

static const stmtlint_check_spec checks[] = {
	[CHECK_SECTIONS] = { "sections", STMTLINT_ERROR,
	                     "section numbers 1. 2. 3. in sequence, without gaps or repeats" },
	[CHECK_ITEMS] = { "items", STMTLINT_ERROR,
	                  "items (1)…(n) of a section in sequence, without gaps or repeats" },
	[CHECK_ITEM_FORM] = { "item-form", STMTLINT_WARNING,
	                      "the items of a section all written in one form" },
	[CHECK_BULLETS] = { "bullets", STMTLINT_WARNING,
	                    "one bullet marker for each nesting level" },
	[CHECK_HEADING_COLON] = { "heading-colon", STMTLINT_WARNING,
	                          "headings of one kind all end with ':' or all do not" },
	[CHECK_XREF] = { "xref", STMTLINT_ERROR,
	                 "cross-references such as 2.(1)-(5) point to items that exist" },
	[CHECK_RESTART] = { "restart", STMTLINT_NOTE,
	                    "numbering that starts again at 1 with no heading or lead-in ':' before it" },
};

static const char *const bullet_choices[] = { "consistent", "-", "*", "\xE2\x80\xA2", NULL };

static const stmtlint_option_spec options[] = {
	{ .name = "bullet", .type = STMTLINT_OPT_STRING, .default_value = "consistent",
	  .choices = bullet_choices,
	  .help = "the bullet marker to use: consistent (the marker most bullets at each depth use), '-', '*' or '\xE2\x80\xA2'" },
};

typedef struct state {
	unsigned preferred_bullet;   /* a code point, or 0 for "consistent" */
} state;

/* ---- helpers ------------------------------------------------------------- */

static int numbered(const stmtlint_block *b)
{
	return b->kind == STMTLINT_BLOCK_ITEM || (b->kind == STMTLINT_BLOCK_BULLET && b->value > 0);
}

/* The marker as text, e.g. "-" or "•". */
static void marker_text(const stmtlint_doc *doc, const stmtlint_block *b, char *out, size_t len)
{
	size_t n = b->marker.end - b->marker.start;

	if (n >= len)
		n = len - 1;
	memcpy(out, doc->text + b->marker.start, n);
	out[n] = '\0';
}

/* The number of the section block `s` ("3"), or "none" outside sections. */
static int section_value(const stmtlint_doc *doc, long s)
{
	return s >= 0 ? doc->blocks[s].value : 0;
}

/* ---- sections ----------------------------------------------------------- */

/* Checks one numbered sequence (sections, or the items of one section).
 * `idx` lists block indexes in order; `what` names them in messages. */
static void check_sequence(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                           const size_t *idx, size_t n, size_t check, int is_items, long section)
{
	int expected = 1;
	size_t i;

	for (i = 0; i < n; i++) {
		const stmtlint_block *b = &doc->blocks[idx[i]];
		int v = b->value;
		int next = i + 1 < n ? doc->blocks[idx[i + 1]].value : 0;
		stmtlint_diag *d;
		char want[32];

		if (v == expected) {
			expected = v + 1;
			continue;
		}
		if (is_items)
			snprintf(want, sizeof(want), "(%d)", expected);
		else
			snprintf(want, sizeof(want), "%d.", expected);
		if (i > 0 && v == doc->blocks[idx[i - 1]].value) {
			if (is_items)
				d = host->report(ctx, check, b->number.start, b->number.end,
				                 "item (%d) is numbered like the item before it; (%d) was expected",
				                 v, expected);
			else
				d = host->report(ctx, check, b->number.start, b->number.end,
				                 "section %d is numbered like the section before it; %d was expected",
				                 v, expected);
		} else if (is_items && section >= 0) {
			d = host->report(ctx, check, b->number.start, b->number.end,
			                 "item (%d) where (%d) was expected in section %d", v, expected,
			                 section_value(doc, section));
		} else if (is_items) {
			d = host->report(ctx, check, b->number.start, b->number.end,
			                 "item (%d) where (%d) was expected", v, expected);
		} else {
			d = host->report(ctx, check, b->number.start, b->number.end,
			                 "section %d where %d was expected", v, expected);
		}
		if (i > 0)
			host->note(d, doc->blocks[idx[i - 1]].number.start, doc->blocks[idx[i - 1]].number.end,
			           "the %s before it", is_items ? "item" : "section");
		/* Certain only when the number is an isolated slip: the next one
		 * goes on from the expected value. */
		if (i + 1 < n && next == expected + 1)
			host->fix(d, b->number.start, b->number.end, want);
		expected = (i + 1 < n && next == expected + 1) ? expected + 1 : v + 1;
	}
}

/* The most words of a numbered heading ("2. Tariffs"). */
#define MAX_HEADING_WORDS 15

/* Whether [start, end) of doc->text ends a sentence or a list entry
 * ('.', ';', ',', '!' or '?'), looking through closing emphasis. */
static int ends_sentence(const stmtlint_doc *doc, size_t start, size_t end)
{
	while (end > start && (doc->text[end - 1] == '*' || doc->text[end - 1] == '_' ||
	                       doc->text[end - 1] == ' '))
		end--;
	return end > start && strchr(".;,!?", doc->text[end - 1]) != NULL;
}

/* Whether section block b reads as a heading: one line of at most
 * MAX_HEADING_WORDS words that does not end a sentence. */
static int section_is_heading(const stmtlint_doc *doc, const stmtlint_block *b)
{
	size_t words = 1;
	size_t i;

	if (b->kind != STMTLINT_BLOCK_SECTION || b->first_line != b->last_line ||
	    b->content.end <= b->content.start || ends_sentence(doc, b->content.start, b->content.end))
		return 0;
	for (i = b->content.start; i < b->content.end; i++)
		if (doc->text[i] == ' ')
			words++;
	return words <= MAX_HEADING_WORDS;
}

/* Whether a one-line paragraph names a part of the draft: "Annex I",
 * "Section 2", "Part Three", "Chapter 4", "Appendix A". */
static int names_a_part(const stmtlint_doc *doc, const stmtlint_block *b)
{
	static const char *const words[] = { "annex ", "section ", "part ", "chapter ", "appendix ",
	                                     NULL };
	size_t n = b->content.end - b->content.start;
	size_t k;

	if (b->kind != STMTLINT_BLOCK_PARAGRAPH || b->first_line != b->last_line || n > 80 ||
	    ends_sentence(doc, b->content.start, b->content.end))
		return 0;
	for (k = 0; words[k] != NULL; k++)
		if (n > strlen(words[k]) &&
		    strncasecmp(doc->text + b->content.start, words[k], strlen(words[k])) == 0)
			return 1;
	return 0;
}

/* Whether the draft numbers its headings and, separately, the paragraphs
 * under them ("2. Tariffs" then "1. …", "2. …"): a heading-like section is
 * followed, before the next one, by a section numbered 1 that is not. */
static int two_levels(const stmtlint_doc *doc)
{
	size_t i;
	int after_heading = 0;

	for (i = 0; i < doc->n_blocks; i++) {
		const stmtlint_block *b = &doc->blocks[i];

		if (b->kind != STMTLINT_BLOCK_SECTION)
			continue;
		if (section_is_heading(doc, b))
			after_heading = 1;
		else if (after_heading && b->value == 1)
			return 1;
		else
			after_heading = 0;
	}
	return 0;
}

/* What lies between two numbered blocks of one sequence. */
enum scope_break {
	BREAK_NONE = 0,
	BREAK_HEADING,   /* a heading, a bold-only line, "Annex I", a numbered heading */
	BREAK_LEAD_IN    /* prose ending with ':' right before the second one */
};

/* What starts a new numbering scope between blocks `from` (exclusive) and
 * `to`: headings (and, when `headings_numbered`, heading-like sections),
 * or a lead-in ending with ':' just before `to`. */
static enum scope_break scope_between(const stmtlint_doc *doc, long from, size_t to,
                                      int headings_numbered)
{
	size_t i;
	long last = -1;

	for (i = (size_t)(from + 1); i < to; i++) {
		const stmtlint_block *b = &doc->blocks[i];

		if (b->kind == STMTLINT_BLOCK_HEADING || b->kind == STMTLINT_BLOCK_TITLE ||
		    names_a_part(doc, b) || (headings_numbered && section_is_heading(doc, b)))
			return BREAK_HEADING;
		if (b->kind != STMTLINT_BLOCK_COMMENT && b->kind != STMTLINT_BLOCK_CODE)
			last = (long)i;
	}
	if (last >= 0 && doc->blocks[last].kind == STMTLINT_BLOCK_PARAGRAPH) {
		const stmtlint_block *b = &doc->blocks[last];

		if (b->content.end > b->content.start && doc->text[b->content.end - 1] == ':')
			return BREAK_LEAD_IN;
	}
	return BREAK_NONE;
}

/* Checks the numbered sections of one level (`heading_level`: the
 * heading-like ones of a draft with two levels, or the others) as one
 * sequence that may start again at 1, or go on, after each scope break.
 * A restart with no break is reported once per run of restarts. */
static void check_section_level(const stmtlint_host *host, stmtlint_ctx *ctx,
                                const stmtlint_doc *doc, size_t *idx, int levels, int heading_level)
{
	size_t n = 0;
	size_t i;
	long prev = -1;
	size_t run_start = 0;

	for (i = 0; i < doc->n_blocks; i++) {
		const stmtlint_block *b = &doc->blocks[i];
		enum scope_break br;

		if (b->kind != STMTLINT_BLOCK_SECTION ||
		    (levels && section_is_heading(doc, b) != heading_level))
			continue;
		br = prev < 0 ? BREAK_HEADING : scope_between(doc, prev, i, levels && !heading_level);
		prev = (long)i;
		if (br != BREAK_NONE && b->value == 1) {
			/* a new scope: check what came before it, start again */
			check_sequence(host, ctx, doc, idx + run_start, n - run_start, CHECK_SECTIONS, 0, -1);
			run_start = n;
		} else if (br == BREAK_NONE && b->value == 1 && n > run_start) {
			const stmtlint_block *p = &doc->blocks[idx[n - 1]];
			stmtlint_diag *d;

			check_sequence(host, ctx, doc, idx + run_start, n - run_start, CHECK_SECTIONS, 0, -1);
			run_start = n;
			if (p->value != 1) {
				d = host->report(ctx, CHECK_RESTART, b->number.start, b->number.end,
				                 "the numbering starts again at %d after %d, with no heading "
				                 "or lead-in ending with ':' before it", b->value, p->value);
				host->note(d, p->number.start, p->number.end, "the number before it");
			}
		}
		idx[n++] = i;
	}
	check_sequence(host, ctx, doc, idx + run_start, n - run_start, CHECK_SECTIONS, 0, -1);
}

static void check_sections(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                           size_t *scratch)
{
	int levels = two_levels(doc);

	check_section_level(host, ctx, doc, scratch, levels, 1);
	if (levels)
		check_section_level(host, ctx, doc, scratch, levels, 0);
}

/* ---- items ----------------------------------------------------------------- */

/* The items of the section that block `from` falls under, from `from` on:
 * stops at the next section, or at a new list (an item (1) after prose). */
static size_t collect_items(const stmtlint_doc *doc, size_t from, size_t *idx, size_t *next)
{
	long section = doc->blocks[from].section;
	int prose_between = 0;
	size_t n = 0;
	size_t i;

	for (i = from; i < doc->n_blocks; i++) {
		const stmtlint_block *b = &doc->blocks[i];

		if (b->kind == STMTLINT_BLOCK_SECTION || b->section != section)
			break;
		if (b->kind == STMTLINT_BLOCK_PARAGRAPH)
			prose_between = 1;
		if (!numbered(b))
			continue;
		if (n > 0 && b->value == 1 && prose_between)
			break;
		prose_between = 0;
		idx[n++] = i;
	}
	*next = i;
	return n;
}

static void check_item_form(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                            const size_t *idx, size_t n)
{
	const stmtlint_block *first = &doc->blocks[idx[0]];
	size_t i;

	for (i = 1; i < n; i++) {
		const stmtlint_block *b = &doc->blocks[idx[i]];
		char mark[8];
		stmtlint_diag *d;

		if (b->kind == first->kind)
			continue;
		if (b->kind == STMTLINT_BLOCK_BULLET) {
			marker_text(doc, b, mark, sizeof(mark));
			d = host->report(ctx, CHECK_ITEM_FORM, b->marker.start, b->number.end,
			                 "item (%d) is written as a bullet ‘%s (%d)’; the items before it are "
			                 "written ‘(%d)’", b->value, mark, b->value, first->value);
			host->fix(d, b->marker.start, b->number.start, "");
		} else {
			marker_text(doc, first, mark, sizeof(mark));
			d = host->report(ctx, CHECK_ITEM_FORM, b->number.start, b->number.end,
			                 "item (%d) is written without the bullet ‘%s’ that the items before "
			                 "it have", b->value, mark);
			{
				char ins[16];

				snprintf(ins, sizeof(ins), "%s ", mark);
				host->fix(d, b->number.start, b->number.start, ins);
			}
		}
		host->note(d, first->span.start, first->number.end, "the first item sets the form here");
	}
}

static void check_items(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                        size_t *scratch)
{
	size_t i = 0;

	while (i < doc->n_blocks) {
		size_t next;
		size_t n;

		if (!numbered(&doc->blocks[i])) {
			i++;
			continue;
		}
		n = collect_items(doc, i, scratch, &next);
		if (n > 0) {
			check_sequence(host, ctx, doc, scratch, n, CHECK_ITEMS, 1, doc->blocks[i].section);
			check_item_form(host, ctx, doc, scratch, n);
		}
		i = next > i ? next : i + 1;
	}
}

/* ---- bullets ------------------------------------------------------------ */

#define MAX_DEPTH 16
/* The most different bullet markers counted at one depth. */
#define MAX_MARKERS 8

/* The bullet marker most bullets at each depth use (the first seen wins a
 * tie), and the first block that uses it; 0 and -1 at depths without. */
typedef struct bullet_style {
	uint32_t marker[MAX_DEPTH];
	long example[MAX_DEPTH];
} bullet_style;

static unsigned bullet_depth(const stmtlint_block *b)
{
	return b->depth < MAX_DEPTH ? b->depth : MAX_DEPTH - 1;
}

static void find_bullet_style(const stmtlint_doc *doc, bullet_style *style)
{
	uint32_t seen[MAX_DEPTH][MAX_MARKERS];
	size_t count[MAX_DEPTH][MAX_MARKERS];
	long first[MAX_DEPTH][MAX_MARKERS];
	size_t kinds[MAX_DEPTH] = { 0 };
	size_t i;
	unsigned dep;

	for (i = 0; i < doc->n_blocks; i++) {
		const stmtlint_block *b = &doc->blocks[i];
		unsigned depth = bullet_depth(b);
		size_t k;

		if (b->kind != STMTLINT_BLOCK_BULLET)
			continue;
		for (k = 0; k < kinds[depth] && seen[depth][k] != b->bullet; k++)
			;
		if (k == kinds[depth]) {
			if (k == MAX_MARKERS)
				continue;
			seen[depth][k] = b->bullet;
			count[depth][k] = 0;
			first[depth][k] = (long)i;
			kinds[depth]++;
		}
		count[depth][k]++;
	}
	for (dep = 0; dep < MAX_DEPTH; dep++) {
		size_t best = 0;
		size_t k;

		style->marker[dep] = 0;
		style->example[dep] = -1;
		for (k = 1; k < kinds[dep]; k++)
			if (count[dep][k] > count[dep][best])
				best = k;
		if (kinds[dep] > 0) {
			style->marker[dep] = seen[dep][best];
			style->example[dep] = first[dep][best];
		}
	}
}

/* Reports bullets that are not the profile's marker, or, when the profile
 * asks for consistency, runs of bullets that are not the marker most
 * bullets of their depth use: one finding for each run, with a fix for
 * each of its markers. */
static void check_bullets(const stmtlint_host *host, const state *st, stmtlint_ctx *ctx,
                          const stmtlint_doc *doc)
{
	bullet_style style;
	long run_of[MAX_DEPTH];   /* the block a minority run at each depth started, or -1 */
	stmtlint_diag *run_diag[MAX_DEPTH];
	size_t i;

	find_bullet_style(doc, &style);
	for (i = 0; i < MAX_DEPTH; i++)
		run_of[i] = -1;
	for (i = 0; i < doc->n_blocks; i++) {
		const stmtlint_block *b = &doc->blocks[i];
		unsigned depth = bullet_depth(b);
		uint32_t want_cp = st->preferred_bullet ? st->preferred_bullet : style.marker[depth];
		char want[8];
		char have[8];
		stmtlint_diag *d;

		if (b->kind != STMTLINT_BLOCK_BULLET) {
			/* prose or an item between bullets ends every run */
			if (b->kind != STMTLINT_BLOCK_COMMENT) {
				unsigned k;

				for (k = 0; k < MAX_DEPTH; k++)
					run_of[k] = -1;
			}
			continue;
		}
		want[host->utf8_encode(want_cp, want)] = '\0';
		if (b->bullet == want_cp) {
			run_of[depth] = -1;
			continue;
		}
		if (run_of[depth] >= 0 && doc->blocks[run_of[depth]].bullet == b->bullet) {
			host->fix(run_diag[depth], b->marker.start, b->marker.end, want);
			continue;
		}
		marker_text(doc, b, have, sizeof(have));
		if (st->preferred_bullet != 0)
			d = host->report(ctx, CHECK_BULLETS, b->marker.start, b->marker.end,
			                 "bullet ‘%s’ where the profile asks for ‘%s’", have, want);
		else if (depth == 0)
			d = host->report(ctx, CHECK_BULLETS, b->marker.start, b->marker.end,
			                 "bullet ‘%s’ where this draft's bullets are ‘%s’", have, want);
		else
			d = host->report(ctx, CHECK_BULLETS, b->marker.start, b->marker.end,
			                 "bullet ‘%s’ where this draft's bullets at this level are ‘%s’",
			                 have, want);
		host->fix(d, b->marker.start, b->marker.end, want);
		if (st->preferred_bullet == 0) {
			const stmtlint_block *f = &doc->blocks[style.example[depth]];

			host->note(d, f->marker.start, f->marker.end, "most bullets are ‘%s’, as here", want);
		}
		/* a suppressed bullet starts no run: the next one speaks for itself */
		run_of[depth] = d != NULL ? (long)i : -1;
		run_diag[depth] = d;
	}
}

/* ---- heading colons -------------------------------------------------------- */

static int ends_with_colon(const stmtlint_doc *doc, const stmtlint_block *b)
{
	size_t e = b->content.end;

	return e > b->content.start && (doc->text[e - 1] == ':' ||
	                                (e - b->content.start >= 3 &&
	                                 memcmp(doc->text + e - 3, "\xEF\xBC\x9A", 3) == 0));
}

/* Whether a numbered item is a heading: one line, short, not a sentence or
 * a list entry (no final '.', ';' or ','). */
static int item_is_heading(const stmtlint_doc *doc, const stmtlint_block *b)
{
	size_t words = 1;
	size_t i;
	char last;

	if (b->first_line != b->last_line || b->content.end <= b->content.start)
		return 0;
	last = doc->text[b->content.end - 1];
	if (last == '.' || last == ';' || last == ',' || last == '!' || last == '?')
		return 0;
	for (i = b->content.start; i < b->content.end; i++)
		if (doc->text[i] == ' ')
			words++;
	return words <= 20;
}

/* One group of headings that should agree; `first` is the pattern. */
static void colon_against(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                          const stmtlint_block *first, const stmtlint_block *b, const char *kind)
{
	int want = ends_with_colon(doc, first);
	stmtlint_diag *d;

	if (ends_with_colon(doc, b) == want)
		return;
	if (want) {
		d = host->report(ctx, CHECK_HEADING_COLON, b->content.end, b->content.end,
		                 "%s lacks the ‘:’ that ends the first %s", kind, kind);
		host->fix(d, b->content.end, b->content.end, ":");
		host->note(d, first->content.end - 1, first->content.end,
		           "the first %s ends with ‘:’ here", kind);
	} else {
		d = host->report(ctx, CHECK_HEADING_COLON, b->content.end - 1, b->content.end,
		                 "%s ends with ‘:’, unlike the first %s", kind, kind);
		host->fix(d, b->content.end - 1, b->content.end, "");
		host->note(d, first->content.start, first->content.end,
		           "the first %s has no ‘:’ here", kind);
	}
}

static void check_heading_colons(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc)
{
	long first_section[8];
	long first_heading[8];
	size_t i;

	for (i = 0; i < 8; i++) {
		first_section[i] = -1;
		first_heading[i] = -1;
	}
	for (i = 0; i < doc->n_blocks; i++) {
		const stmtlint_block *b = &doc->blocks[i];
		unsigned level = b->depth < 8 ? b->depth : 7;

		if (b->content.end <= b->content.start)
			continue;
		if (b->kind == STMTLINT_BLOCK_SECTION && b->first_line == b->last_line) {
			if (first_section[level] < 0)
				first_section[level] = (long)i;
			else
				colon_against(host, ctx, doc, &doc->blocks[first_section[level]], b,
				              "section heading");
		} else if (b->kind == STMTLINT_BLOCK_HEADING && doc->format == STMTLINT_FORMAT_MARKDOWN) {
			if (first_heading[level] < 0)
				first_heading[level] = (long)i;
			else
				colon_against(host, ctx, doc, &doc->blocks[first_heading[level]], b, "heading");
		}
	}
	/* Item headings, within each section. */
	for (i = 0; i < doc->n_blocks; i++) {
		const stmtlint_block *b = &doc->blocks[i];
		size_t j;

		if (!numbered(b) || !item_is_heading(doc, b))
			continue;
		/* b is the first item heading of its section: compare the rest. */
		for (j = i + 1; j < doc->n_blocks; j++) {
			const stmtlint_block *c = &doc->blocks[j];

			if (c->kind == STMTLINT_BLOCK_SECTION || c->section != b->section)
				break;
			if (numbered(c) && item_is_heading(doc, c))
				colon_against(host, ctx, doc, b, c, "item heading");
		}
		i = j - 1;
	}
}

/* ---- cross-references ---------------------------------------------------- */

static int read_number(const char *p, size_t end, size_t *i, int *v)
{
	size_t s = *i;

	*v = 0;
	while (*i < end && *i - s < 4 && p[*i] >= '0' && p[*i] <= '9') {
		*v = *v * 10 + (p[*i] - '0');
		(*i)++;
	}
	return *i > s;
}

/* Parses "(N)" at p[*i]. */
static int read_paren(const char *p, size_t end, size_t *i, int *v)
{
	size_t j = *i;

	if (j >= end || p[j] != '(')
		return 0;
	j++;
	if (!read_number(p, end, &j, v) || j >= end || p[j] != ')')
		return 0;
	*i = j + 1;
	return 1;
}

/* Section and item numbers the reader takes: one to three digits
 * (src/doc.c).  "(1000)" is not an item to the reader, so a reference to
 * it cannot be checked. */
#define MAX_SECTION_NUMBER 999
#define MAX_ITEM_NUMBER 999

/* An item of a section: its section block and its number. */
typedef struct item_key {
	long section;
	int value;
} item_key;

/* What the cross-references are checked against, built once per draft: the
 * first section block of each number, and every numbered item (ITEM, or
 * BULLET with a number) by section and number, sorted, without repeats. */
typedef struct xref_index {
	long first_section[MAX_SECTION_NUMBER + 1];   /* -1 where there is none */
	item_key *items;
	size_t n_items;
} xref_index;

static int cmp_item_key(const void *pa, const void *pb)
{
	const item_key *a = pa;
	const item_key *b = pb;

	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	return (a->value > b->value) - (a->value < b->value);
}

/* Builds the index of doc's sections and items.  Returns 0, or -1 when out
 * of memory; the caller frees ix->items. */
static int xref_index_build(const stmtlint_doc *doc, xref_index *ix)
{
	size_t i;
	size_t n = 0;

	for (i = 0; i <= MAX_SECTION_NUMBER; i++)
		ix->first_section[i] = -1;
	ix->items = malloc((doc->n_blocks ? doc->n_blocks : 1) * sizeof(*ix->items));
	ix->n_items = 0;
	if (ix->items == NULL)
		return -1;
	for (i = 0; i < doc->n_blocks; i++) {
		const stmtlint_block *b = &doc->blocks[i];

		if (b->kind == STMTLINT_BLOCK_SECTION && b->value >= 0 && b->value <= MAX_SECTION_NUMBER &&
		    ix->first_section[b->value] < 0)
			ix->first_section[b->value] = (long)i;
		if (b->section >= 0 && numbered(b)) {
			ix->items[n].section = b->section;
			ix->items[n].value = b->value;
			n++;
		}
	}
	qsort(ix->items, n, sizeof(*ix->items), cmp_item_key);
	for (i = 0; i < n; i++)
		if (ix->n_items == 0 || cmp_item_key(&ix->items[ix->n_items - 1], &ix->items[i]) != 0)
			ix->items[ix->n_items++] = ix->items[i];
	return 0;
}

/* Index of the first item of ix at or after (section, value). */
static size_t item_lower_bound(const xref_index *ix, long section, int value)
{
	item_key key = { section, value };
	size_t lo = 0;
	size_t hi = ix->n_items;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_item_key(&ix->items[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether section block s lacks one of items (a) to (b), a <= b; sets
 * *missing to the first it lacks and *max to its highest item number (0
 * when it has none). */
static int lacks_item(const xref_index *ix, long s, int a, int b, int *missing, int *max)
{
	size_t first = item_lower_bound(ix, s, a);
	size_t past = item_lower_bound(ix, s, b + 1);
	size_t end = item_lower_bound(ix, s + 1, 0);
	int k = a;

	*max = end > 0 && ix->items[end - 1].section == s ? ix->items[end - 1].value : 0;
	if (past - first == (size_t)(b - a) + 1)
		return 0;
	while (first < past && ix->items[first].value == k) {
		first++;
		k++;
	}
	*missing = k;
	return 1;
}

/* Whether the word just before `at` names another instrument's part
 * ("Article 2.(1)"), so that the reference is not to this draft. */
static int after_outside_word(const char *p, size_t at)
{
	static const char *const words[] = {
		"article", "articles", "annex", "annexes", "chapter", "clause", "clauses", "rule",
		"rules", "regulation", "resolution", "decision", "appendix", "part", NULL
	};
	size_t e = at;
	size_t s;
	size_t k;

	while (e > 0 && p[e - 1] == ' ')
		e--;
	s = e;
	while (s > 0 && ((p[s - 1] >= 'a' && p[s - 1] <= 'z') || (p[s - 1] >= 'A' && p[s - 1] <= 'Z')))
		s--;
	for (k = 0; words[k] != NULL; k++)
		if (strlen(words[k]) == e - s && strncasecmp(p + s, words[k], e - s) == 0)
			return 1;
	return 0;
}

/* Whether " of " follows `at` ("2.(1) of the Agreement"). */
static int before_of(const char *p, size_t len, size_t at)
{
	return at + 4 <= len && strncmp(p + at, " of ", 4) == 0;
}

static int check_xrefs(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc)
{
	const char *p = doc->prose;
	size_t len = doc->length;
	size_t i;
	int has_sections = 0;
	xref_index *ix;

	for (i = 0; i < doc->n_blocks && !has_sections; i++)
		has_sections = doc->blocks[i].kind == STMTLINT_BLOCK_SECTION;
	/* Without numbered sections, "2.(1)" refers to some other text. */
	if (!has_sections)
		return 0;
	ix = malloc(sizeof(*ix));
	if (ix == NULL || xref_index_build(doc, ix) != 0) {
		free(ix);
		return -1;
	}

	for (i = 0; i + 4 < len; i++) {
		size_t start = i;
		size_t j = i;
		int sec;
		int a;
		int b;
		long s;
		int max;
		int k;
		stmtlint_diag *d;

		if (p[i] < '0' || p[i] > '9' || (i > 0 && ((p[i - 1] >= '0' && p[i - 1] <= '9') ||
		                                          p[i - 1] == '.' || p[i - 1] == ')')))
			continue;
		if (!read_number(p, len, &j, &sec) || j - start > 2 || j >= len || p[j] != '.')
			continue;
		j++;
		if (!read_paren(p, len, &j, &a))
			continue;
		b = a;
		{
			size_t r = j;

			if (r < len && p[r] == '-')
				r++;
			else if (r + 3 <= len && memcmp(p + r, "\xE2\x80\x93", 3) == 0)
				r += 3;
			if (r > j && read_paren(p, len, &r, &b))
				j = r;
		}
		i = j - 1;
		if (after_outside_word(p, start) || before_of(p, len, j))
			continue;
		s = ix->first_section[sec];
		if (s < 0) {
			host->report(ctx, CHECK_XREF, start, j,
			             "‘%.*s’ refers to section %d, which this draft does not have",
			             (int)(j - start), doc->text + start, sec);
			continue;
		}
		if (b < a) {
			host->report(ctx, CHECK_XREF, start, j, "‘%.*s’ is a range that runs backwards",
			             (int)(j - start), doc->text + start);
			continue;
		}
		/* Items past those the reader takes are not checked. */
		if (a > MAX_ITEM_NUMBER)
			continue;
		if (b > MAX_ITEM_NUMBER)
			b = MAX_ITEM_NUMBER;
		if (!lacks_item(ix, s, a, b, &k, &max))
			continue;
		if (max > 0)
			d = host->report(ctx, CHECK_XREF, start, j,
			                 "‘%.*s’ refers to item (%d) of section %d, which has items "
			                 "(1) to (%d)", (int)(j - start), doc->text + start, k, sec, max);
		else
			d = host->report(ctx, CHECK_XREF, start, j,
			                 "‘%.*s’ refers to item (%d) of section %d, which has no "
			                 "numbered items", (int)(j - start), doc->text + start, k, sec);
		host->note(d, doc->blocks[s].span.start, doc->blocks[s].span.end,
		           "section %d starts here", sec);
	}
	free(ix->items);
	free(ix);
	return 0;
}

/* ---- the plugin ------------------------------------------------------------ */

static int structure_init(const stmtlint_host *host, const stmtlint_options *opts, void **out)
{
	state *st = calloc(1, sizeof(*st));
	const char *bullet = host->option_string(opts, "bullet");

	if (st == NULL)
		return -1;
	if (bullet == NULL || strcmp(bullet, "consistent") == 0)
		st->preferred_bullet = 0;
	else if (strcmp(bullet, "-") == 0)
		st->preferred_bullet = '-';
	else if (strcmp(bullet, "*") == 0)
		st->preferred_bullet = '*';
	else
		st->preferred_bullet = 0x2022;
	*out = st;
	return 0;
}

static int structure_check(const stmtlint_host *host, const void *vst, stmtlint_ctx *ctx,
                           const stmtlint_doc *doc)
{
	const state *st = vst;
	size_t *scratch = malloc((doc->n_blocks ? doc->n_blocks : 1) * sizeof(*scratch));

	if (scratch == NULL)
		return -1;
	check_sections(host, ctx, doc, scratch);
	check_items(host, ctx, doc, scratch);
	check_bullets(host, st, ctx, doc);
	check_heading_colons(host, ctx, doc);
	free(scratch);
	return check_xrefs(host, ctx, doc);
}

static void structure_fini(const stmtlint_host *host, void *st)
{
	free(st);
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "structure",
	.summary = "numbering of sections and items, bullets, headings and cross-references",
	.severity = STMTLINT_WARNING,
	.checks = checks,
	.n_checks = sizeof(checks) / sizeof(checks[0]),
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
	.init = structure_init,
	.check = structure_check,
	.fini = structure_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
