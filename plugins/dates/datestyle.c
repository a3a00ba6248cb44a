/*
 * datestyle.c - the draft's date style and the dates written otherwise.
 *
 * Three axes: the order of month and day, ordinal suffixes ("June 11th",
 * "22<sup>nd</sup>"), and abbreviated months.  Only the dates of the text
 * vote: the publisher's date line and bylines follow a house style, and a
 * quotation keeps its author's words; no editor would change them to match
 * the text.  A date of the text is a warning only against a clear majority
 * (STYLE_MIN_DATES dates or more, the majority at least twice the
 * minority) or the profile; two styles without a clear majority are one
 * note naming both; a date line written unlike the text is a note.
 */
#include <stdio.h>
#include <string.h>

#include "datestyle.h"

/* Fewest dates of the text on an axis for its majority to make a warning. */
#define STYLE_MIN_DATES 3
/* How many times the minority the majority must be to be clear. */
#define STYLE_CLEAR_RATIO 2

enum axis {
	AXIS_ORDER = 0,     /* style 0: month first; 1: day first */
	AXIS_ORDINAL,       /* style 0: no suffix; 1: suffix */
	AXIS_MONTH,         /* style 0: months in full; 1: abbreviated */
	N_AXES
};

/* What a date gets on one axis. */
enum verdict {
	VERDICT_OK = 0,
	VERDICT_WARN,       /* against a clear majority or the profile: warning, fix */
	VERDICT_PUBLISHER,  /* a date line or byline unlike the text: note, fix */
	VERDICT_MIXED       /* the first date of the second style, no clear majority: note */
};

/* The vote on one axis. */
struct vote {
	size_t count[2];    /* dates of the text in each style */
	int style;          /* the draft's style: the majority, the profile's, or the tie's */
	int required;       /* the profile requires `style` */
	int clear;          /* a clear majority over a minority */
	size_t example;     /* a date of the text in `style`, or SIZE_MAX */
	size_t mixed_at;    /* no clear majority: the date that gets the one note, else SIZE_MAX */
};

/* ---- what a date is on each axis -------------------------------------- */

static int has_ordinal(const dp_date *d)
{
	return d->day_ordinal.end > d->day_ordinal.start ||
	       d->end_day_ordinal.end > d->end_day_ordinal.start;
}

static int has_month_name(const dp_date *d)
{
	return d->form == DP_FORM_MONTH_DAY || d->form == DP_FORM_DAY_MONTH ||
	       d->form == DP_FORM_MONTH_YEAR;
}

/* A month spelled in full that has a usual abbreviation (January, August ...
 * but not March-July, which stay in full in abbreviating styles). */
static int full_abbreviable(const dp_date *d)
{
	return !d->abbreviated &&
	       strcmp(dp_month_name(d->month), dp_month_abbreviation(d->month)) != 0;
}

/* The date's style on the axis (0 or 1), or -1 when the axis says nothing
 * of it. */
static int style_of(const dp_date *d, enum axis axis)
{
	dp_order order = dp_date_order(d);

	switch (axis) {
	case AXIS_ORDER:
		return order == DP_ORDER_NONE ? -1 : order == DP_ORDER_DMY;
	case AXIS_ORDINAL:
		return order == DP_ORDER_NONE ? -1 : has_ordinal(d);
	default:
		if (!has_month_name(d))
			return -1;
		return d->abbreviated ? 1 : full_abbreviable(d) ? 0 : -1;
	}
}

/* Whether the date votes: a date of the text, not a date line, byline or
 * quotation. */
static int votes(const found *f)
{
	return !f->ctx.quoted && !f->ctx.publisher;
}

/* ---- the vote --------------------------------------------------------- */

static void count_votes(const style_rules *rules, const found *list, size_t n, enum axis axis,
                        struct vote *v)
{
	size_t k, minority;

	memset(v, 0, sizeof *v);
	v->example = v->mixed_at = (size_t)-1;
	for (k = 0; k < n; k++) {
		int s = style_of(&list[k].d, axis);

		if (s >= 0 && votes(&list[k]))
			v->count[s]++;
	}
	/* a tie goes to style 0: month first ("June 11, 2011", the order of both
	 * governments' English texts), no ordinals (as style guides write
	 * dates), months in full */
	v->style = v->count[1] > v->count[0];
	if (axis == AXIS_ORDER && rules->preferred != DP_ORDER_NONE) {
		v->style = rules->preferred == DP_ORDER_DMY;
		v->required = 1;
	} else if (axis == AXIS_ORDINAL && !rules->ordinals_allowed) {
		v->style = 0;
		v->required = 1;
	}
	minority = v->count[!v->style];
	v->clear = minority > 0 && v->count[0] + v->count[1] >= STYLE_MIN_DATES &&
	           v->count[v->style] >= STYLE_CLEAR_RATIO * minority;
	for (k = n; k-- > 0;) {
		int s = style_of(&list[k].d, axis);

		if (s < 0 || !votes(&list[k]))
			continue;
		if (s == v->style)
			v->example = k;
		else if (minority > 0 && !v->clear && !v->required)
			v->mixed_at = k;   /* the first date departing from the tie's style */
	}
}

static enum verdict judge(const struct vote *v, const found *list, size_t k, enum axis axis)
{
	int s = style_of(&list[k].d, axis);

	if (s < 0 || s == v->style || list[k].ctx.quoted)
		return k == v->mixed_at ? VERDICT_MIXED : VERDICT_OK;
	if (v->required)
		return VERDICT_WARN;
	if (list[k].ctx.publisher)
		/* against the text's one style, or its clear majority */
		return v->count[v->style] > 0 && (v->count[s] == 0 || v->clear) ?
		       VERDICT_PUBLISHER : VERDICT_OK;
	if (v->clear)
		return VERDICT_WARN;
	return k == v->mixed_at ? VERDICT_MIXED : VERDICT_OK;
}

/* ---- reports ---------------------------------------------------------- */

/* How a date departs on an axis, before its quoted text: "day-first date
 * ‘9 June’", "ordinal suffix in ‘June 11th’". */
static const char *const departure_words[N_AXES][2] = {
	{"month-first date", "day-first date"},
	{"no ordinal suffix in", "ordinal suffix in"},
	{"month spelled in full in", "abbreviated month in"}
};

/* What the draft writes, in the style 0 or 1 of each axis. */
static const char *const draft_writes[N_AXES][2] = {
	{"this draft writes dates month-first", "this draft writes dates day-first"},
	{"this draft writes dates without one", "this draft writes dates with one"},
	{"this draft spells months in full", "this draft abbreviates months"}
};

static const char *const draft_also_writes[N_AXES][2] = {
	{"this draft also writes dates month-first", "this draft also writes dates day-first"},
	{"this draft also writes dates without one", "this draft also writes dates with one"},
	{"this draft also spells months in full", "this draft also abbreviates months"}
};

static const char *const text_writes[N_AXES][2] = {
	{"the text writes dates month-first", "the text writes dates day-first"},
	{"the text writes dates without one", "the text writes dates with one"},
	{"the text spells months in full", "the text abbreviates months"}
};

static const char *const example_words[N_AXES][2] = {
	{"written month first", "written day first"},
	{"written without an ordinal suffix", "written with an ordinal suffix"},
	{"month spelled in full", "month abbreviated"}
};

static void note_example(const stmtlint_host *host, stmtlint_diag *diag, const stmtlint_doc *doc,
                         const found *list, size_t example, const char *what)
{
	char q[TEXT_MAX];

	if (example == (size_t)-1)
		return;
	quote_span(doc->text, list[example].d.span.start, list[example].d.span.end, q, sizeof q);
	host->note(diag, list[example].d.span.start, list[example].d.span.end,
	           "%s, as in ‘%s’", what, q);
}

/* Reports date k on one axis; returns the diagnostic (NULL when none). */
static stmtlint_diag *report_axis(const stmtlint_host *host, stmtlint_ctx *ctx,
                                  const stmtlint_doc *doc, const style_rules *rules,
                                  const struct vote *v, const found *list, size_t k,
                                  enum axis axis, enum verdict verdict)
{
	const found *f = &list[k];
	int s = style_of(&f->d, axis);
	const char *what = departure_words[axis][s];
	char q[TEXT_MAX];
	stmtlint_diag *diag;

	quote_span(doc->text, f->d.span.start, f->d.span.end, q, sizeof q);
	if (verdict == VERDICT_MIXED) {
		diag = host->report(ctx, CHECK_STYLE_MIX, f->d.span.start, f->d.span.end,
		                    "%s ‘%s’; %s, with no clear majority: choose one style", what, q,
		                    draft_also_writes[axis][!s]);
	} else if (verdict == VERDICT_PUBLISHER) {
		diag = host->report(ctx, CHECK_STYLE_MIX, f->d.span.start, f->d.span.end,
		                    "%s ‘%s’ in the %s; %s", what, q,
		                    (long)f->ctx.block == doc->dateline ? "date line" : "byline",
		                    text_writes[axis][!s]);
	} else if (v->required && axis == AXIS_ORDER) {
		return host->report(ctx, CHECK_STYLE, f->d.span.start, f->d.span.end,
		                    "%s ‘%s’; the profile prefers %s dates", what, q,
		                    rules->preferred == DP_ORDER_DMY ? "day-month-year" :
		                    "month-day-year");
	} else if (v->required) {
		return host->report(ctx, CHECK_STYLE, f->d.span.start, f->d.span.end,
		                    "%s ‘%s’; the profile does not allow ordinals in dates", what, q);
	} else {
		diag = host->report(ctx, CHECK_STYLE, f->d.span.start, f->d.span.end, "%s ‘%s’; %s",
		                    what, q, draft_writes[axis][!s]);
	}
	note_example(host, diag, doc, list, v->example, example_words[axis][!s]);
	return diag;
}

/* Adds the ordinal suffix of `day` after its digits, written as the
 * draft's example writes it: "th", or "<sup>th</sup>" in markup. */
static void fix_add_ordinal(const stmtlint_host *host, stmtlint_diag *diag, const char *text,
                            const dp_date *example, dp_span digits, int day)
{
	char suffix[32];
	int markup = example != NULL && example->day_ordinal.end > example->day_ordinal.start &&
	             text[example->day_ordinal.start] == '<';

	snprintf(suffix, sizeof suffix, markup ? "<sup>%s</sup>" : "%s", dp_ordinal_suffix(day));
	host->fix(diag, digits.end, digits.end, suffix);
}

/* The fix-its of a date whose order is right: drop or add ordinal
 * suffixes (like `example`), abbreviate or spell out months. */
static void fix_in_place(const stmtlint_host *host, stmtlint_diag *diag, const char *text,
                         const dp_date *d, const dp_date *example, enum axis axis, int style)
{
	if (axis == AXIS_ORDINAL && style == 0) {
		if (d->day_ordinal.end > d->day_ordinal.start)
			host->fix(diag, d->day_ordinal.start, d->day_ordinal.end, "");
		if (d->end_day_ordinal.end > d->end_day_ordinal.start)
			host->fix(diag, d->end_day_ordinal.start, d->end_day_ordinal.end, "");
	} else if (axis == AXIS_ORDINAL) {
		fix_add_ordinal(host, diag, text, example, d->day_digits, d->day);
		if (d->end_day != 0)
			fix_add_ordinal(host, diag, text, example, d->end_day_digits, d->end_day);
	} else if (axis == AXIS_MONTH) {
		const char *(*name)(int) = style == 0 ? dp_month_name : dp_month_abbreviation;

		host->fix(diag, d->month_word.start, d->month_word.end, name(d->month));
		if (d->end_month_word.end > d->end_month_word.start)
			host->fix(diag, d->end_month_word.start, d->end_month_word.end,
			          name(d->end_month));
	}
}

/* Reports one date on every axis where it departs. */
static void check_date_style(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                             const style_rules *rules, const struct vote *votes_by_axis,
                             const found *list, size_t k)
{
	enum verdict verdicts[N_AXES];
	const dp_date *d = &list[k].d;
	char fixed[TEXT_MAX];
	int axis, fixable[N_AXES];

	for (axis = 0; axis < N_AXES; axis++) {
		verdicts[axis] = judge(&votes_by_axis[axis], list, k, (enum axis)axis);
		fixable[axis] = verdicts[axis] == VERDICT_WARN || verdicts[axis] == VERDICT_PUBLISHER;
	}
	for (axis = 0; axis < N_AXES; axis++) {
		const struct vote *v = &votes_by_axis[axis];
		stmtlint_diag *diag;

		if (verdicts[axis] == VERDICT_OK)
			continue;
		diag = report_axis(host, ctx, doc, rules, v, list, k, (enum axis)axis, verdicts[axis]);
		if (!fixable[axis])
			continue;
		if (axis == AXIS_ORDER) {
			/* one rewrite of the whole date, with the other axes' fixes */
			if (dp_render(doc->text, d, v->style ? DP_ORDER_DMY : DP_ORDER_MDY,
			              fixable[AXIS_ORDINAL] ? votes_by_axis[AXIS_ORDINAL].style : -1,
			              fixable[AXIS_MONTH] ? !votes_by_axis[AXIS_MONTH].style : -1,
			              fixed, sizeof fixed) > 0)
				host->fix(diag, d->span.start, d->span.end, fixed);
		} else if (!fixable[AXIS_ORDER]) {
			fix_in_place(host, diag, doc->text, d,
			             v->example != (size_t)-1 ? &list[v->example].d : NULL,
			             (enum axis)axis, v->style);
		}
	}
}

dp_order check_style(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                     const style_rules *rules, const found *list, size_t n)
{
	struct vote votes_by_axis[N_AXES];
	size_t k;
	int axis;

	for (axis = 0; axis < N_AXES; axis++)
		count_votes(rules, list, n, (enum axis)axis, &votes_by_axis[axis]);
	for (k = 0; k < n; k++) {
		if (has_month_name(&list[k].d))
			check_date_style(host, ctx, doc, rules, votes_by_axis, list, k);
	}
	return votes_by_axis[AXIS_ORDER].style ? DP_ORDER_DMY : DP_ORDER_MDY;
}
