/*
 * dates.c - the `dates` plugin: every date real, consistent with the
 * others, and written one way.
 *
 * check() scans the draft's prose once with the recogniser of dateparse.c,
 * keeps the dates it finds in a local array, then runs the checks over that
 * array: dates that do not exist, wrong weekdays, reversed ranges, meetings
 * after the statement's own date, late releases, far years, mixed styles
 * and all-numeric dates.  The statement's date is the date line, else the
 * front matter's `date:`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmtlint/plugin.h"
#include "dateparse.h"

enum check_index {
	CHECK_INVALID = 0,
	CHECK_WEEKDAY,
	CHECK_RANGE,
	CHECK_AFTER_STATEMENT,
	CHECK_LATE_RELEASE,
	CHECK_FAR_YEAR,
	CHECK_STYLE,
	CHECK_NUMERIC
};

static const stmtlint_check_spec checks[] = {
	[CHECK_INVALID] = {"invalid", STMTLINT_ERROR,
	                   "a date that does not exist (June 31, February 29 of a common year)"},
	[CHECK_WEEKDAY] = {"weekday", STMTLINT_ERROR, "a weekday that does not match its date"},
	[CHECK_RANGE] = {"range", STMTLINT_ERROR, "a range of days that ends before it starts"},
	[CHECK_AFTER_STATEMENT] = {"after-statement", STMTLINT_ERROR,
	                           "a meeting said to have taken place after the statement's date"},
	[CHECK_LATE_RELEASE] = {"late-release", STMTLINT_NOTE,
	                        "a statement dated long after the meeting it reports"},
	[CHECK_FAR_YEAR] = {"far-year", STMTLINT_WARNING,
	                    "a year far from the statement's year (a typo such as 2101)"},
	[CHECK_STYLE] = {"style", STMTLINT_WARNING,
	                 "dates written in more than one style (order, ordinals, abbreviations)"},
	[CHECK_NUMERIC] = {"numeric", STMTLINT_WARNING,
	                   "an all-numeric date such as 6/9/2011, read differently by different readers"}
};

static const char *const style_choices[] = {"month-day-year", "day-month-year", NULL};

static const stmtlint_option_spec options[] = {
	{"preferred-style", STMTLINT_OPT_STRING, NULL, style_choices, 0, 0,
	 "the order dates must be written in; unset: the draft's dominant order"},
	{"ordinals", STMTLINT_OPT_BOOL, "true", NULL, 0, 0,
	 "whether ordinal suffixes (June 11th) are allowed when used consistently"},
	{"max-release-delay", STMTLINT_OPT_INT, "14", NULL, 0, 3650,
	 "days a statement may be dated after the meeting it reports"},
	{"far-year-distance", STMTLINT_OPT_INT, "10", NULL, 1, 1000,
	 "years a written date may lie from the statement's year"}
};

/* Read-only configuration, built by dates_init(). */
struct dates_state {
	dp_order preferred;        /* DP_ORDER_NONE: the draft's dominant order */
	int ordinals_allowed;
	long long max_release_delay;
	long long far_year_distance;
};

/* One date of the draft with what the checks derive from it. */
struct found {
	dp_date d;
	int year;          /* written year, else inferred from the statement; 0 unknown */
	int inferred;      /* year taken from the statement's date */
	int valid;         /* month and days are real (for the year, when known) */
	long first;        /* day numbers of the first and last day, when has_days */
	long last;
	int has_days;
};

/* The statement's own date. */
struct statement_date {
	int known;
	int year, month, day;
	long number;            /* dp_day_number() */
	size_t start, end;      /* where it is written in doc->text */
	size_t found_index;     /* its entry in the found array, or SIZE_MAX */
};

/* Upper bound of dates kept per draft, so hostile input cannot grow memory
 * without bound (a 10 MB draft holds far fewer real dates). */
#define MAX_DATES 200000u
/* Room for a quoted piece of draft text or a rewritten date. */
#define TEXT_MAX 160

/* ---- small helpers ---------------------------------------------------- */

/* Copies doc text [start, end) into buf for quoting: line breaks and tabs
 * become spaces; cut (at a character boundary) when longer than the buffer. */
static void quote_span(const char *text, size_t start, size_t end, char *buf, size_t cap)
{
	size_t n = 0, i;

	for (i = start; i < end && n + 1 < cap; i++) {
		char c = text[i];

		buf[n++] = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
	}
	if (i < end) {
		while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)buf[n - 1] & 0x80) != 0)
			n--;
	}
	buf[n] = '\0';
}

static int words_equal(const char *text, stmtlint_span w, const char *word)
{
	size_t n = strlen(word), k;

	if (w.end - w.start != n)
		return 0;
	for (k = 0; k < n; k++) {
		char c = text[w.start + k];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[k])
			return 0;
	}
	return 1;
}

static int word_in(const char *text, stmtlint_span w, const char *const *list)
{
	size_t k;

	for (k = 0; list[k] != NULL; k++) {
		if (words_equal(text, w, list[k]))
			return 1;
	}
	return 0;
}

static const char *order_name(dp_order order)
{
	return order == DP_ORDER_DMY ? "day-first" : "month-first";
}

static const char *style_name(dp_order order)
{
	return order == DP_ORDER_DMY ? "day-month-year" : "month-day-year";
}

/* ---- init and fini ---------------------------------------------------- */

static int dates_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	struct dates_state *st = calloc(1, sizeof *st);
	const char *preferred;

	if (st == NULL) {
		host->config_error(opts, NULL, "out of memory");
		return -1;
	}
	preferred = host->option_string(opts, "preferred-style");
	if (preferred != NULL && strcmp(preferred, "day-month-year") == 0)
		st->preferred = DP_ORDER_DMY;
	else if (preferred != NULL && strcmp(preferred, "month-day-year") == 0)
		st->preferred = DP_ORDER_MDY;
	else
		st->preferred = DP_ORDER_NONE;
	st->ordinals_allowed = host->option_bool(opts, "ordinals");
	st->max_release_delay = host->option_int(opts, "max-release-delay");
	st->far_year_distance = host->option_int(opts, "far-year-distance");
	*state = st;
	return 0;
}

static void dates_fini(const stmtlint_host *host, void *state)
{
	(void)host;
	free(state);
}

/* ---- collecting dates ------------------------------------------------- */

/* Scans the prose into a malloc'ed array (the caller frees *out).  Returns
 * 0, or -1 when out of memory. */
static int collect_dates(const stmtlint_doc *doc, struct found **out, size_t *count)
{
	struct found *list = NULL;
	size_t n = 0, cap = 0, from = 0;
	dp_date d;

	while (n < MAX_DATES && dp_find(doc->prose, doc->length, from, &d)) {
		if (n == cap) {
			size_t new_cap = cap ? cap * 2 : 32;
			struct found *grown = realloc(list, new_cap * sizeof *grown);

			if (grown == NULL) {
				free(list);
				return -1;
			}
			list = grown;
			cap = new_cap;
		}
		memset(&list[n], 0, sizeof list[n]);
		list[n].d = d;
		n++;
		from = d.span.end;
	}
	*out = list;
	*count = n;
	return 0;
}

/* The full date (year, month, day, no range) of a date line or a front
 * matter value, or 0. */
static int is_full_date(const dp_date *d)
{
	return d->year != 0 && d->month != 0 && d->day != 0 && d->end_day == 0 &&
	       dp_valid(d->year, d->month, d->day);
}

static void find_statement_date(const stmtlint_doc *doc, const struct found *list, size_t n,
                                 struct statement_date *sd)
{
	dp_date d;
	size_t k;

	memset(sd, 0, sizeof *sd);
	sd->found_index = (size_t)-1;
	if (doc->dateline >= 0 && (size_t)doc->dateline < doc->n_blocks) {
		const stmtlint_block *b = &doc->blocks[doc->dateline];

		if (dp_find(doc->prose, b->span.end, b->span.start, &d) && is_full_date(&d)) {
			sd->known = 1;
			sd->year = d.year;
			sd->month = d.month;
			sd->day = d.day;
			sd->start = d.span.start;
			sd->end = d.span.end;
			for (k = 0; k < n; k++) {
				if (list[k].d.span.start == d.span.start)
					sd->found_index = k;
			}
		}
	}
	if (!sd->known && doc->meta_date != NULL &&
	    dp_parse_whole(doc->meta_date, strlen(doc->meta_date), &d) && is_full_date(&d)) {
		sd->known = 1;
		sd->year = d.year;
		sd->month = d.month;
		sd->day = d.day;
		sd->start = doc->meta_date_span.start;
		sd->end = doc->meta_date_span.end;
	}
	if (sd->known)
		sd->number = dp_day_number(sd->year, sd->month, sd->day);
}

/* Fills year, valid and day numbers of each date.  A date without a year
 * takes the statement's year, or the year before or after when that puts
 * it nearer the statement's date ("December 29" in a statement of January
 * 5). */
static void resolve_dates(struct found *list, size_t n, const struct statement_date *sd)
{
	size_t k;

	for (k = 0; k < n; k++) {
		struct found *f = &list[k];
		const dp_date *d = &f->d;
		int start_year, end_year;

		f->year = d->year;
		if (f->year == 0 && sd->known && d->month != 0) {
			long best = -1;
			int y;

			for (y = sd->year - 1; y <= sd->year + 1; y++) {
				long dist = dp_day_number(y, d->month, d->day ? d->day : 1) - sd->number;

				if (dist < 0)
					dist = -dist;
				if (best < 0 || dist < best) {
					best = dist;
					f->year = y;
				}
			}
			f->inferred = 1;
		}
		if (d->month == 0 || d->day == 0) {
			f->valid = d->month != 0;
			continue;
		}
		/* "December 30 - January 2, 2012": the written year is the end's */
		start_year = f->year;
		end_year = f->year;
		if (d->end_day != 0 && d->end_month < d->month) {
			if (f->inferred || f->year == 0)
				end_year = f->year ? f->year + 1 : 0;
			else
				start_year = f->year - 1;
		}
		if (f->year == 0) {
			/* no year at all: only what no year could make real */
			f->valid = d->day <= dp_days_in_month(2000, d->month) &&
			           (d->end_day == 0 || d->end_day <= dp_days_in_month(2000, d->end_month));
			continue;
		}
		f->valid = dp_valid(start_year, d->month, d->day) &&
		           (d->end_day == 0 || dp_valid(end_year, d->end_month, d->end_day));
		if (!f->valid)
			continue;
		f->has_days = 1;
		f->first = dp_day_number(start_year, d->month, d->day);
		f->last = d->end_day ? dp_day_number(end_year, d->end_month, d->end_day) : f->first;
	}
}

/* ---- per-date checks -------------------------------------------------- */

/* What every per-date check needs besides the date. */
struct state_view {
	const struct dates_state *st;
	const struct statement_date *sd;
	dp_order order;          /* the order fix-its write */
};


static void check_invalid(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                          const struct found *f)
{
	const dp_date *d = &f->d;
	char q[TEXT_MAX];
	int month = d->month, day = d->day;

	if (f->valid || d->month == 0 || d->day == 0)
		return;
	if (d->end_day != 0 && dp_days_in_month(f->year ? f->year : 2000, d->month) >= d->day) {
		month = d->end_month;
		day = d->end_day;
	}
	quote_span(doc->text, d->span.start, d->span.end, q, sizeof q);
	if (month == 2 && day == 29 && f->year != 0) {
		host->report(ctx, CHECK_INVALID, d->span.start, d->span.end,
		             "‘%s’ does not exist: %d is not a leap year, February has 28 days%s", q,
		             f->year, f->inferred ? " (year taken from the statement's date)" : "");
		return;
	}
	host->report(ctx, CHECK_INVALID, d->span.start, d->span.end,
	             "‘%s’ does not exist: %s has %d days", q, dp_month_name(month),
	             dp_days_in_month(f->year ? f->year : 2000, month));
}

static void check_weekday(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                          const struct found *f)
{
	const dp_date *d = &f->d;
	char q[TEXT_MAX], when[TEXT_MAX];
	stmtlint_diag *diag;
	int actual;
	size_t written;

	if (d->weekday < 0 || !f->has_days || d->end_day != 0)
		return;
	actual = dp_weekday(f->year, d->month, d->day);
	if (actual == d->weekday)
		return;
	quote_span(doc->text, d->weekday_word.start, d->weekday_word.end, q, sizeof q);
	if (dp_format_ymd(f->year, d->month, d->day, DP_ORDER_MDY, when, sizeof when) == 0)
		return;
	diag = host->report(ctx, CHECK_WEEKDAY, d->span.start, d->span.end,
	                    "‘%s’ does not match the date: %s is a %s%s", q, when,
	                    dp_weekday_name(actual),
	                    f->inferred ? " (year taken from the statement's date)" : "");
	written = d->weekday_word.end - d->weekday_word.start;
	host->fix(diag, d->weekday_word.start, d->weekday_word.end,
	          written > 5 ? dp_weekday_name(actual) : dp_weekday_short(actual));
}

static void check_range(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                        const struct found *f)
{
	const dp_date *d = &f->d;
	char q[TEXT_MAX];

	/* across months the end may fall in the next year: only same-month ranges */
	if (d->end_day == 0 || d->end_month != d->month || d->end_day >= d->day)
		return;
	quote_span(doc->text, d->span.start, d->span.end, q, sizeof q);
	host->report(ctx, CHECK_RANGE, d->span.start, d->span.end,
	             "range ‘%s’ ends on day %d, before it starts on day %d", q, d->end_day, d->day);
}

static void report_far_year(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                            const struct state_view *view, const struct found *f, size_t index)
{
	const dp_date *d = &f->d;
	char q[TEXT_MAX], s[TEXT_MAX];
	stmtlint_diag *diag;
	long distance;

	if (!view->sd->known || d->year == 0 || index == view->sd->found_index)
		return;
	distance = (long)d->year - view->sd->year;
	if (distance < 0)
		distance = -distance;
	if (distance <= view->st->far_year_distance)
		return;
	quote_span(doc->text, d->span.start, d->span.end, q, sizeof q);
	quote_span(doc->text, view->sd->start, view->sd->end, s, sizeof s);
	diag = host->report(ctx, CHECK_FAR_YEAR, d->span.start, d->span.end,
	                    "year %d of ‘%s’ is %ld years from the statement's year %d (more than %lld)",
	                    d->year, q, distance, view->sd->year, view->st->far_year_distance);
	host->note(diag, view->sd->start, view->sd->end, "the statement is dated ‘%s’ here", s);
}

static void check_numeric(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                          const struct state_view *view, const struct found *f)
{
	const dp_date *d = &f->d;
	char q[TEXT_MAX], fixed[TEXT_MAX], a[TEXT_MAX], b[TEXT_MAX];
	stmtlint_diag *diag;
	int month = d->month, day = d->day, by_weekday = 0;

	if (d->form != DP_FORM_NUMERIC && d->form != DP_FORM_NUMERIC_YMD)
		return;
	quote_span(doc->text, d->body.start, d->body.end, q, sizeof q);
	if (month == 0 && d->weekday >= 0) {
		/* a written weekday can tell the two readings apart */
		int mdy = dp_weekday(d->year, d->numeric_first, d->numeric_second) == d->weekday;
		int dmy = dp_weekday(d->year, d->numeric_second, d->numeric_first) == d->weekday;

		if (mdy != dmy) {
			month = mdy ? d->numeric_first : d->numeric_second;
			day = mdy ? d->numeric_second : d->numeric_first;
			by_weekday = 1;
		}
	}
	if (month == 0) {
		diag = host->report(ctx, CHECK_NUMERIC, d->span.start, d->span.end,
		                    "all-numeric date ‘%s’ is read month-first by some readers and "
		                    "day-first by others; write the month as a word", q);
		if (dp_format_ymd(d->year, d->numeric_first, d->numeric_second, view->order, a,
		                  sizeof a) > 0 &&
		    dp_format_ymd(d->year, d->numeric_second, d->numeric_first, view->order, b,
		                  sizeof b) > 0)
			host->note(diag, d->body.start, d->body.end,
			           "it means ‘%s’ read month-first and ‘%s’ read day-first", a, b);
		return;
	}
	diag = host->report(ctx, CHECK_NUMERIC, d->span.start, d->span.end,
	                    "all-numeric date ‘%s’ is read differently by different readers; "
	                    "write the month as a word", q);
	if (by_weekday)
		host->note(diag, d->weekday_word.start, d->weekday_word.end,
		           "only the %s reading falls on a %s",
		           month == d->numeric_first ? "month-first" : "day-first",
		           dp_weekday_name(d->weekday));
	if (dp_valid(d->year, month, day) &&
	    dp_format_ymd(d->year, month, day, view->order, fixed, sizeof fixed) > 0)
		host->fix(diag, d->body.start, d->body.end, fixed);
}

/* ---- style ------------------------------------------------------------ */

/* The draft's dominant choices, and an example date of each. */
struct style {
	dp_order order;          /* dominant or preferred order */
	int flag_order;          /* orders are mixed, or a preferred order is set */
	size_t order_example;    /* a date in the dominant order, or SIZE_MAX */
	int ordinals;            /* 1: days carry ordinals; 0: they do not */
	int flag_ordinals;
	size_t ordinal_example;
	int full_months;         /* 1: months in full; 0: abbreviated */
	int flag_months;
	size_t month_example;
};

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

static void decide_style(const struct dates_state *st, const struct found *list, size_t n,
                         struct style *sty)
{
	size_t mdy = 0, dmy = 0, with = 0, without = 0, abbr = 0, full = 0, k;

	for (k = 0; k < n; k++) {
		const dp_date *d = &list[k].d;

		if (dp_date_order(d) == DP_ORDER_MDY)
			mdy++;
		else if (dp_date_order(d) == DP_ORDER_DMY)
			dmy++;
		if (dp_date_order(d) != DP_ORDER_NONE) {
			if (has_ordinal(d))
				with++;
			else
				without++;
		}
		if (has_month_name(d)) {
			if (d->abbreviated)
				abbr++;
			else if (full_abbreviable(d))
				full++;
		}
	}
	/* a tie goes to month-first, the order of both governments' English texts */
	sty->order = st->preferred != DP_ORDER_NONE ? st->preferred :
	             (dmy > mdy ? DP_ORDER_DMY : DP_ORDER_MDY);
	sty->flag_order = st->preferred != DP_ORDER_NONE || (mdy > 0 && dmy > 0);
	/* a tie goes to no ordinals: style guides write "June 11, 2011" */
	sty->ordinals = st->ordinals_allowed && with > without;
	sty->flag_ordinals = !st->ordinals_allowed || (with > 0 && without > 0);
	/* a tie goes to months in full */
	sty->full_months = !(abbr > full);
	sty->flag_months = abbr > 0 && full > 0;
	sty->order_example = sty->ordinal_example = sty->month_example = (size_t)-1;
	for (k = n; k-- > 0;) {
		const dp_date *d = &list[k].d;

		if (dp_date_order(d) == sty->order)
			sty->order_example = k;
		if (dp_date_order(d) != DP_ORDER_NONE && has_ordinal(d) == sty->ordinals)
			sty->ordinal_example = k;
		if (has_month_name(d) && (sty->full_months ? full_abbreviable(d) : d->abbreviated))
			sty->month_example = k;
	}
}

static void note_example(const stmtlint_host *host, stmtlint_diag *diag, const stmtlint_doc *doc,
                         const struct found *list, size_t example, const char *what)
{
	char q[TEXT_MAX];

	if (example == (size_t)-1)
		return;
	quote_span(doc->text, list[example].d.span.start, list[example].d.span.end, q, sizeof q);
	host->note(diag, list[example].d.span.start, list[example].d.span.end,
	           "%s, as in ‘%s’", what, q);
}

static void check_style(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                        const struct dates_state *st, const struct style *sty,
                        const struct found *list, size_t k)
{
	const dp_date *d = &list[k].d;
	dp_order order = dp_date_order(d);
	int order_bad, ordinal_bad, month_bad;
	char q[TEXT_MAX], fixed[TEXT_MAX];
	stmtlint_diag *diag;

	if (!has_month_name(d))
		return;
	order_bad = sty->flag_order && order != DP_ORDER_NONE && order != sty->order;
	ordinal_bad = sty->flag_ordinals && order != DP_ORDER_NONE && has_ordinal(d) != sty->ordinals;
	month_bad = sty->flag_months &&
	            (sty->full_months ? d->abbreviated : full_abbreviable(d));
	if (!order_bad && !ordinal_bad && !month_bad)
		return;
	quote_span(doc->text, d->span.start, d->span.end, q, sizeof q);
	if (order_bad) {
		if (st->preferred != DP_ORDER_NONE) {
			diag = host->report(ctx, CHECK_STYLE, d->span.start, d->span.end,
			                    "%s date ‘%s’; the profile prefers %s dates", order_name(order),
			                    q, style_name(sty->order));
		} else {
			diag = host->report(ctx, CHECK_STYLE, d->span.start, d->span.end,
			                    "%s date ‘%s’; this draft writes dates %s",
			                    order_name(order), q, order_name(sty->order));
			note_example(host, diag, doc, list, sty->order_example,
			             sty->order == DP_ORDER_DMY ? "written day first" : "written month first");
		}
		if (dp_render(doc->text, d, sty->order, ordinal_bad ? sty->ordinals : -1,
		              month_bad ? sty->full_months : -1, fixed, sizeof fixed) > 0)
			host->fix(diag, d->span.start, d->span.end, fixed);
	}
	if (ordinal_bad) {
		if (has_ordinal(d) && !st->ordinals_allowed)
			diag = host->report(ctx, CHECK_STYLE, d->span.start, d->span.end,
			                    "ordinal suffix in ‘%s’; the profile does not allow ordinals "
			                    "in dates", q);
		else if (has_ordinal(d))
			diag = host->report(ctx, CHECK_STYLE, d->span.start, d->span.end,
			                     "ordinal suffix in ‘%s’; this draft writes dates without one",
			                     q);
		else
			diag = host->report(ctx, CHECK_STYLE, d->span.start, d->span.end,
			                    "no ordinal suffix in ‘%s’; this draft writes dates with one",
			                    q);
		if (st->ordinals_allowed)
			note_example(host, diag, doc, list, sty->ordinal_example,
			             sty->ordinals ? "written with an ordinal suffix" :
			             "written without an ordinal suffix");
		if (!order_bad && has_ordinal(d)) {
			if (d->day_ordinal.end > d->day_ordinal.start)
				host->fix(diag, d->day_ordinal.start, d->day_ordinal.end, "");
			if (d->end_day_ordinal.end > d->end_day_ordinal.start)
				host->fix(diag, d->end_day_ordinal.start, d->end_day_ordinal.end, "");
		} else if (!order_bad) {
			host->fix(diag, d->day_digits.end, d->day_digits.end, dp_ordinal_suffix(d->day));
			if (d->end_day != 0)
				host->fix(diag, d->end_day_digits.end, d->end_day_digits.end,
				          dp_ordinal_suffix(d->end_day));
		}
	}
	if (month_bad) {
		const char *(*name)(int) = sty->full_months ? dp_month_name : dp_month_abbreviation;

		diag = host->report(ctx, CHECK_STYLE, d->span.start, d->span.end,
		                    sty->full_months ?
		                    "abbreviated month in ‘%s’; this draft spells months in full" :
		                    "month spelled in full in ‘%s’; this draft abbreviates months",
		                    q);
		note_example(host, diag, doc, list, sty->month_example,
		             sty->full_months ? "month spelled in full" : "month abbreviated");
		if (!order_bad) {
			host->fix(diag, d->month_word.start, d->month_word.end, name(d->month));
			if (d->end_month_word.end > d->end_month_word.start)
				host->fix(diag, d->end_month_word.start, d->end_month_word.end,
				          name(d->end_month));
		}
	}
}

/* ---- meetings and the statement's date -------------------------------- */

/* Past-tense verbs that say a meeting took place ("took place" is handled
 * on its own); "be" before one ("will be held") makes it not past. */
static const char *const meeting_verbs[] = {
	"held", "met", "convened", "gathered", "hosted", NULL
};

/* Words that make a sentence speak of the future or of plans: its dates are
 * then not dates of a meeting that took place. */
static const char *const future_words[] = {
	"will", "shall", "would", "next", "upcoming", "forthcoming", "future", "plan",
	"plans", "planned", "planning", "schedule", "scheduled", "expect", "expects",
	"expected", "intend", "intends", "intended", "anticipate", "anticipated", NULL
};

/* Whether words[first, limit) of one sentence say that a meeting took
 * place, with no word of the future. */
static int says_meeting_took_place(const stmtlint_doc *doc, size_t first, size_t limit)
{
	int meeting = 0;
	size_t v;

	for (v = first; v < limit; v++) {
		stmtlint_span w = doc->words[v];
		int after_be = v > first && words_equal(doc->text, doc->words[v - 1], "be");

		if (word_in(doc->text, w, future_words))
			return 0;
		if (after_be)
			continue;
		if (word_in(doc->text, w, meeting_verbs))
			meeting = 1;
		if (words_equal(doc->text, w, "took") && v + 1 < limit &&
		    words_equal(doc->text, doc->words[v + 1], "place"))
			meeting = 1;
	}
	return meeting;
}

static void check_meetings(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                           const struct state_view *view, const struct found *list, size_t n)
{
	const struct statement_date *sd = view->sd;
	size_t s, w = 0, k = 0, latest_index = (size_t)-1;
	long latest = 0;
	char q[TEXT_MAX], dated[TEXT_MAX];

	if (!sd->known || doc->sentences == NULL)
		return;
	quote_span(doc->text, sd->start, sd->end, dated, sizeof dated);
	for (s = 0; s < doc->n_sentences; s++) {
		stmtlint_span sent = doc->sentences[s];
		size_t limit, j;

		while (w < doc->n_words && doc->words[w].start < sent.start)
			w++;
		limit = w;
		while (limit < doc->n_words && doc->words[limit].start < sent.end)
			limit++;
		while (k < n && list[k].d.span.start < sent.start)
			k++;
		if (k >= n || list[k].d.span.start >= sent.end)
			continue;
		if (!says_meeting_took_place(doc, w, limit))
			continue;
		for (j = k; j < n && list[j].d.span.start < sent.end; j++) {
			const struct found *f = &list[j];
			long earliest_end;
			stmtlint_diag *diag;

			if (j == sd->found_index || !f->valid || f->year == 0 || f->d.month == 0)
				continue;
			if (f->has_days)
				earliest_end = f->last;
			else if (f->d.day == 0)
				earliest_end = dp_day_number(f->year, f->d.month, 1);
			else
				continue;
			/* one day of grace: Tokyo is a day ahead of Washington */
			if (earliest_end > sd->number + 1) {
				quote_span(doc->text, f->d.span.start, f->d.span.end, q, sizeof q);
				diag = host->report(ctx, CHECK_AFTER_STATEMENT, f->d.span.start,
				                    f->d.span.end,
				                    "meeting said to have taken place on ‘%s’, after the "
				                    "statement's own date", q);
				host->note(diag, sd->start, sd->end, "the statement is dated ‘%s’ here",
				           dated);
			} else if (f->has_days && (latest_index == (size_t)-1 || f->last > latest)) {
				latest = f->last;
				latest_index = j;
			}
		}
	}
	if (latest_index != (size_t)-1 && sd->number - latest > view->st->max_release_delay) {
		const dp_date *d = &list[latest_index].d;
		stmtlint_diag *diag;

		quote_span(doc->text, d->span.start, d->span.end, q, sizeof q);
		diag = host->report(ctx, CHECK_LATE_RELEASE, sd->start, sd->end,
		                    "statement dated %ld days after the meeting it reports "
		                    "(more than %lld)", sd->number - latest,
		                    view->st->max_release_delay);
		host->note(diag, d->span.start, d->span.end, "the meeting took place on ‘%s’", q);
	}
}

/* ---- the check -------------------------------------------------------- */

static int dates_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                       const stmtlint_doc *doc)
{
	const struct dates_state *st = state;
	struct found *list = NULL;
	struct statement_date sd;
	struct style sty;
	struct state_view view;
	size_t n = 0, k;

	if (collect_dates(doc, &list, &n) != 0)
		return -1;
	find_statement_date(doc, list, n, &sd);
	resolve_dates(list, n, &sd);
	decide_style(st, list, n, &sty);
	view.st = st;
	view.sd = &sd;
	view.order = sty.order;
	for (k = 0; k < n; k++) {
		const struct found *f = &list[k];

		check_numeric(host, ctx, doc, &view, f);
		if (f->d.month == 0)
			continue;
		check_invalid(host, ctx, doc, f);
		if (f->valid) {
			check_weekday(host, ctx, doc, f);
			check_range(host, ctx, doc, f);
		}
		report_far_year(host, ctx, doc, &view, f, k);
		check_style(host, ctx, doc, st, &sty, list, k);
	}
	check_meetings(host, ctx, doc, &view, list, n);
	free(list);
	return 0;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "dates",
	.summary = "every date real, consistent with the others, and written one way",
	.severity = STMTLINT_WARNING,
	.checks = checks,
	.n_checks = sizeof checks / sizeof checks[0],
	.options = options,
	.n_options = sizeof options / sizeof options[0],
	.init = dates_init,
	.check = dates_check,
	.fini = dates_fini
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol: its static descriptor. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
