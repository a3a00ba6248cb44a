/*
 * dates.c - the `dates` plugin: every date real, consistent with the
 * others, and written one way.
 *
 * check() scans the draft's prose once with the recogniser of dateparse.c,
 * keeps the dates it finds in a local array, reads the words around each
 * (datecontext.c), gives each date without a year the year it most likely
 * has, then runs the checks over that array: dates that do not exist, wrong
 * weekdays, reversed ranges, meetings after the statement's own date, late
 * releases, years that look like typos, mixed styles (datestyle.c) and
 * all-numeric dates.  The statement's date is the date line, else the front
 * matter's `date:`.  What rests on a guess (a year not written, a year that
 * may be a historical one, a style without a clear majority) is a note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "datecontext.h"
#include "datestyle.h"

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
	                    "a year that is a typo of the statement's year (2101 for 2011, or 2005 "
	                    "where the draft gives the same day in 2025)"},
	[CHECK_STYLE] = {"style", STMTLINT_WARNING,
	                 "a date written unlike the clear majority of the draft's dates (order, "
	                 "ordinals, abbreviations)"},
	[CHECK_NUMERIC] = {"numeric", STMTLINT_WARNING,
	                   "an all-numeric date such as 6/9/2011, read differently by different readers"},
	[CHECK_GUESSED_YEAR] = {"guessed-year", STMTLINT_NOTE,
	                        "a date without a year that does not exist, or whose weekday does not "
	                        "match, in the year it most likely has"},
	[CHECK_YEAR_TYPO] = {"year-typo", STMTLINT_NOTE,
	                     "a far year one typo from the statement's year, which may be a date of "
	                     "the past"},
	[CHECK_STYLE_MIX] = {"style-mix", STMTLINT_NOTE,
	                     "dates written in two styles with no clear majority, or a date line "
	                     "written unlike the text"}
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
	style_rules style;
	long long max_release_delay;
	long long far_year_distance;
};

/* Upper bound of dates kept per draft, so hostile input cannot grow memory
 * without bound (a 10 MB draft holds far fewer real dates). */
#define MAX_DATES 200000u
/* Days a meeting may lie after the statement's date: Tokyo is a day ahead
 * of Washington. */
#define GRACE_DAYS 1

/* ---- small helpers (shared through dates.h) --------------------------- */

void quote_span(const char *text, size_t start, size_t end, char *buf, size_t cap)
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

int words_equal(const char *text, stmtlint_span w, const char *word)
{
	size_t n = w.end - w.start, k;

	for (k = 0; k < n; k++) {
		char c = text[w.start + k];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[k])   /* also stops at the end of a shorter word */
			return 0;
	}
	return word[n] == '\0';
}

int word_in(const char *text, stmtlint_span w, const char *const *list)
{
	size_t k;

	for (k = 0; list[k] != NULL; k++) {
		if (words_equal(text, w, list[k]))
			return 1;
	}
	return 0;
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
		st->style.preferred = DP_ORDER_DMY;
	else if (preferred != NULL && strcmp(preferred, "month-day-year") == 0)
		st->style.preferred = DP_ORDER_MDY;
	else
		st->style.preferred = DP_ORDER_NONE;
	st->style.ordinals_allowed = host->option_bool(opts, "ordinals");
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

/* The draft's prose as the recogniser reads it: the host's spaces, and the
 * source beside the prose for ordinals written as markup. */
static dp_text prose_text(const stmtlint_host *host, const stmtlint_doc *doc, size_t len)
{
	dp_text t = {doc->prose, len, doc->text, host->is_space, host->utf8_decode, 0};

	return t;
}

/* Scans the prose into a malloc'ed array (the caller frees *out).  Returns
 * 0, or -1 when out of memory. */
static int collect_dates(const stmtlint_host *host, const stmtlint_doc *doc, found **out,
                         size_t *count)
{
	dp_text t = prose_text(host, doc, doc->length);
	found *list = NULL;
	size_t n = 0, cap = 0, from = 0;
	dp_date d;

	while (n < MAX_DATES && dp_find_in(&t, from, &d)) {
		if (n == cap) {
			size_t new_cap = cap ? cap * 2 : 32;
			found *grown = realloc(list, new_cap * sizeof *grown);

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

static void find_statement_date(const stmtlint_host *host, const stmtlint_doc *doc,
                                const found *list, size_t n, statement_date *sd)
{
	dp_date d;
	size_t k;

	memset(sd, 0, sizeof *sd);
	sd->found_index = (size_t)-1;
	if (doc->dateline >= 0 && (size_t)doc->dateline < doc->n_blocks) {
		const stmtlint_block *b = &doc->blocks[doc->dateline];
		dp_text t = prose_text(host, doc, b->span.end);

		/* the core took the line for a date with this recogniser: read it
		 * the same way, names in any case ("june 8, 2011") */
		t.any_case = 1;
		if (dp_find_in(&t, b->span.start, &d) && is_full_date(&d)) {
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

/* ---- years ------------------------------------------------------------ */

/* The year a date without one most likely has, from the statement's date
 * and the tense around it: a day of the past is its latest occurrence on
 * or before the statement's date, a day to come its next, anything else
 * the nearest. */
static int guess_year(const found *f, const statement_date *sd)
{
	int y, best_year = sd->year;
	long best = -1;

	for (y = sd->year - 1; y <= sd->year + 1; y++) {
		long day = dp_day_number(y, f->d.month, f->d.day ? f->d.day : 1);
		long dist = day - sd->number;

		if (f->ctx.tense == TENSE_PAST || f->ctx.tense == TENSE_PAST_MEETING) {
			if (dist <= GRACE_DAYS)
				best_year = y;
			continue;
		}
		if (f->ctx.tense == TENSE_FUTURE) {
			if (dist >= 0)
				return y;
			continue;
		}
		if (dist < 0)
			dist = -dist;
		if (best < 0 || dist < best) {
			best = dist;
			best_year = y;
		}
	}
	return best_year;
}

/* Gives a date without a year the year of `anchor`, an earlier date of
 * the same paragraph with a written year and day, when that does not put
 * it before the anchor ("On June 9, 2011 ... and again on June 12"). */
static int year_from_paragraph(found *f, const found *anchor)
{
	long day;

	if (anchor == NULL || !anchor->has_days || f->d.day == 0)
		return 0;
	day = dp_day_number(anchor->year, f->d.month, f->d.day);
	if (day < anchor->first)
		return 0;
	f->year = anchor->year;
	f->source = YEAR_PARAGRAPH;
	return 1;
}

/* Fills validity and day numbers of a date whose year is settled. */
static void fill_days(found *f)
{
	const dp_date *d = &f->d;
	int start_year = f->year, end_year = f->year;

	if (d->month == 0 || d->day == 0) {
		f->valid = d->month != 0;
		return;
	}
	/* "December 30 - January 2, 2012": a written year is the end's */
	if (d->end_day != 0 && d->end_month < d->month) {
		if (f->source == YEAR_WRITTEN)
			start_year = f->year - 1;
		else if (f->year != 0)
			end_year = f->year + 1;
	}
	if (f->year == 0) {
		/* no year at all: only what no year could make real */
		f->valid = d->day <= dp_days_in_month(2000, d->month) &&
		           (d->end_day == 0 || d->end_day <= dp_days_in_month(2000, d->end_month));
		return;
	}
	f->valid = dp_valid(start_year, d->month, d->day) &&
	           (d->end_day == 0 || dp_valid(end_year, d->end_month, d->end_day));
	if (!f->valid)
		return;
	f->has_days = 1;
	f->first = dp_day_number(start_year, d->month, d->day);
	f->last = d->end_day ? dp_day_number(end_year, d->end_month, d->end_day) : f->first;
}

/* Settles the year of every date: written, certain from its paragraph, or
 * guessed from the statement's date and its tense. */
static void resolve_dates(found *list, size_t n, const statement_date *sd)
{
	const found *anchor = NULL;
	size_t k;

	for (k = 0; k < n; k++) {
		found *f = &list[k];

		if (anchor != NULL && anchor->ctx.block != f->ctx.block)
			anchor = NULL;
		f->year = f->d.year;
		f->source = f->year != 0 ? YEAR_WRITTEN : YEAR_NONE;
		if (f->year == 0 && f->d.month != 0 && !year_from_paragraph(f, anchor) && sd->known) {
			f->year = guess_year(f, sd);
			f->source = YEAR_GUESSED;
		}
		fill_days(f);
		if (f->source == YEAR_WRITTEN && f->has_days && !f->ctx.quoted)
			anchor = f;
	}
}

/* " (year taken from ...)" after a message about a date whose year is not
 * written. */
static const char *year_origin(const found *f)
{
	return f->source == YEAR_PARAGRAPH ? " (year taken from its paragraph)" : "";
}

/* ---- per-date checks -------------------------------------------------- */

/* What every per-date check needs besides the date. */
struct state_view {
	const struct dates_state *st;
	const statement_date *sd;
	dp_order order;          /* the order fix-its write */
};

static void check_invalid(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                          const found *f)
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
	if (month == 2 && day == 29 && f->source == YEAR_GUESSED) {
		host->report(ctx, CHECK_GUESSED_YEAR, d->span.start, d->span.end,
		             "‘%s’ does not exist in %d, the year it most likely has; write its year",
		             q, f->year);
		return;
	}
	if (month == 2 && day == 29 && f->year != 0) {
		host->report(ctx, CHECK_INVALID, d->span.start, d->span.end,
		             "‘%s’ does not exist: %d is not a leap year, February has 28 days%s", q,
		             f->year, year_origin(f));
		return;
	}
	host->report(ctx, CHECK_INVALID, d->span.start, d->span.end,
	             "‘%s’ does not exist: %s has %d days", q, dp_month_name(month),
	             dp_days_in_month(f->year ? f->year : 2000, month));
}

/* Reports one written weekday that is not the weekday of year-month-day. */
static void check_one_weekday(const stmtlint_host *host, stmtlint_ctx *ctx,
                              const stmtlint_doc *doc, const found *f, int weekday,
                              dp_span word, int year, int month, int day)
{
	int actual = dp_weekday(year, month, day);
	char q[TEXT_MAX], when[TEXT_MAX];
	stmtlint_diag *diag;
	size_t written = word.end - word.start;

	if (actual == weekday)
		return;
	quote_span(doc->text, word.start, word.end, q, sizeof q);
	if (dp_format_ymd(year, month, day, DP_ORDER_MDY, when, sizeof when) == 0)
		return;
	if (f->source == YEAR_GUESSED) {
		host->report(ctx, CHECK_GUESSED_YEAR, f->d.span.start, f->d.span.end,
		             "‘%s’ does not match the date if its year is %d, the year it most "
		             "likely has: %s is a %s; write its year", q, year, when,
		             dp_weekday_name(actual));
		return;
	}
	diag = host->report(ctx, CHECK_WEEKDAY, f->d.span.start, f->d.span.end,
	                    "‘%s’ does not match the date: %s is a %s%s", q, when,
	                    dp_weekday_name(actual), year_origin(f));
	host->fix(diag, word.start, word.end,
	          written > 5 ? dp_weekday_name(actual) : dp_weekday_short(actual));
}

/* "Thursday, June 9", and both ends of "Monday and Tuesday, June 9-10". */
static void check_weekday(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                          const found *f)
{
	const dp_date *d = &f->d;
	int across_years = d->end_day != 0 && d->end_month < d->month;
	/* a written year of "December 30 - January 2, 2012" is the end's */
	int start_year = f->year - (across_years && f->source == YEAR_WRITTEN);
	int end_year = start_year + across_years;

	if (d->weekday < 0 || !f->has_days || (d->end_day != 0 && d->end_weekday < 0))
		return;
	check_one_weekday(host, ctx, doc, f, d->weekday, d->weekday_word, start_year, d->month,
	                  d->day);
	if (d->end_weekday < 0)
		return;
	check_one_weekday(host, ctx, doc, f, d->end_weekday, d->end_weekday_word, end_year,
	                  d->end_month, d->end_day);
}

static void check_range(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                        const found *f)
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

static void check_numeric(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                          const struct state_view *view, const found *f)
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

/* ---- far years -------------------------------------------------------- */

/* The year near the statement's (its own, the one before or after) that
 * `year` is a typo of, or 0. */
static int typo_of_statement_year(int year, const statement_date *sd)
{
	static const int offsets[] = {0, -1, 1};
	size_t k;

	for (k = 0; k < sizeof offsets / sizeof offsets[0]; k++) {
		if (dp_year_typo(year, sd->year + offsets[k]))
			return sd->year + offsets[k];
	}
	return 0;
}

/* What the far-year check looks up, built once per draft. */
struct far_year_aids {
	/* per month and day: a date with a written year near the statement's,
	 * or SIZE_MAX */
	size_t near_by_day[13][32];
	unsigned char stated[ANNIVERSARY_MAX + 1];  /* years the draft counts */
	int stated_read;                             /* stated[] is filled */
};

static void init_far_year_aids(const found *list, size_t n, const struct state_view *view,
                               struct far_year_aids *aids)
{
	size_t k, m, d;

	for (m = 0; m < 13; m++) {
		for (d = 0; d < 32; d++)
			aids->near_by_day[m][d] = (size_t)-1;
	}
	aids->stated_read = 0;
	for (k = 0; k < n; k++) {
		const dp_date *g = &list[k].d;
		long distance = labs((long)g->year - view->sd->year);

		if (g->year != 0 && g->day != 0 && g->month != 0 && !list[k].ctx.quoted &&
		    distance <= view->st->far_year_distance &&
		    aids->near_by_day[g->month][g->day] == (size_t)-1)
			aids->near_by_day[g->month][g->day] = k;
	}
}

/* Whether the draft counts `years` years ("20 years since"). */
static int counts_years(const stmtlint_doc *doc, struct far_year_aids *aids, long years)
{
	if (years < 1 || years > ANNIVERSARY_MAX)
		return 0;
	if (!aids->stated_read) {
		read_stated_years(doc, aids->stated);
		aids->stated_read = 1;
	}
	return aids->stated[years];
}

/* A far year is reported only when it looks like a typo: one digit from
 * the statement's year (or the years beside it), or unlike the year the
 * draft gives the same day elsewhere.  Historical years are quiet, and so
 * is a year the draft counts ("20 years since", "70th anniversary"). */
static void check_far_year(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                           const struct state_view *view, struct far_year_aids *aids,
                           const found *list, size_t index)
{
	const found *f = &list[index];
	const statement_date *sd = view->sd;
	char q[TEXT_MAX], s[TEXT_MAX];
	stmtlint_diag *diag;
	long distance;
	int meant;
	size_t other;

	if (!sd->known || f->d.year == 0 || index == sd->found_index || f->ctx.quoted)
		return;
	distance = labs((long)f->d.year - sd->year);
	if (distance <= view->st->far_year_distance)
		return;
	meant = typo_of_statement_year(f->d.year, sd);
	other = f->d.day != 0 ? aids->near_by_day[f->d.month][f->d.day] : (size_t)-1;
	if ((meant == 0 && other == (size_t)-1) || counts_years(doc, aids, distance))
		return;
	quote_span(doc->text, f->d.span.start, f->d.span.end, q, sizeof q);
	if (other != (size_t)-1) {
		const dp_date *g = &list[other].d;

		quote_span(doc->text, g->span.start, g->span.end, s, sizeof s);
		diag = host->report(ctx, meant != 0 ? CHECK_FAR_YEAR : CHECK_YEAR_TYPO,
		                    f->d.span.start, f->d.span.end,
		                    "year %d of ‘%s’ differs from the year %d the draft gives the same "
		                    "day elsewhere", f->d.year, q, g->year);
		host->note(diag, g->span.start, g->span.end, "‘%s’ here", s);
		return;
	}
	/* a date far ahead that is not a round target year ("by 2050") */
	quote_span(doc->text, sd->start, sd->end, s, sizeof s);
	if (f->d.year > sd->year && f->d.year % 5 != 0)
		diag = host->report(ctx, CHECK_FAR_YEAR, f->d.span.start, f->d.span.end,
		                    "year %d of ‘%s’ is %ld years from the statement's year %d (more "
		                    "than %lld)", f->d.year, q, distance, sd->year,
		                    view->st->far_year_distance);
	else
		diag = host->report(ctx, CHECK_YEAR_TYPO, f->d.span.start, f->d.span.end,
		                    "year %d of ‘%s’ is one typo from %d; check it, unless it is a "
		                    "date of the past", f->d.year, q, meant);
	host->note(diag, sd->start, sd->end, "the statement is dated ‘%s’ here", s);
}

/* ---- meetings and the statement's date -------------------------------- */

/* A date tied to a meeting that took place, with a year that is written or
 * certain from its paragraph. */
static int certain_past_meeting(const found *f, size_t index, const statement_date *sd)
{
	return index != sd->found_index && f->ctx.tense == TENSE_PAST_MEETING && f->valid &&
	       f->d.month != 0 && (f->source == YEAR_WRITTEN || f->source == YEAR_PARAGRAPH);
}

static void check_meetings(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                           const struct state_view *view, const found *list, size_t n)
{
	const statement_date *sd = view->sd;
	size_t j, latest_index = (size_t)-1;
	long latest = 0;
	char q[TEXT_MAX], dated[TEXT_MAX];

	if (!sd->known)
		return;
	quote_span(doc->text, sd->start, sd->end, dated, sizeof dated);
	for (j = 0; j < n; j++) {
		const found *f = &list[j];
		long earliest_end;
		stmtlint_diag *diag;

		if (!certain_past_meeting(f, j, sd))
			continue;
		if (f->has_days)
			earliest_end = f->last;
		else if (f->d.day == 0)
			earliest_end = dp_day_number(f->year, f->d.month, 1);
		else
			continue;
		if (earliest_end > sd->number + GRACE_DAYS) {
			quote_span(doc->text, f->d.span.start, f->d.span.end, q, sizeof q);
			diag = host->report(ctx, CHECK_AFTER_STATEMENT, f->d.span.start, f->d.span.end,
			                    "meeting said to have taken place on ‘%s’, after the "
			                    "statement's own date%s", q, year_origin(f));
			host->note(diag, sd->start, sd->end, "the statement is dated ‘%s’ here", dated);
		} else if (f->has_days && f->source == YEAR_WRITTEN &&
		           (latest_index == (size_t)-1 || f->last > latest)) {
			latest = f->last;
			latest_index = j;
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
	found *list = NULL;
	statement_date sd;
	struct state_view view;
	struct far_year_aids aids;
	size_t n = 0, k;

	if (collect_dates(host, doc, &list, &n) != 0)
		return -1;
	find_statement_date(host, doc, list, n, &sd);
	read_contexts(doc, list, n);
	resolve_dates(list, n, &sd);
	view.st = st;
	view.sd = &sd;
	view.order = check_style(host, ctx, doc, &st->style, list, n);
	init_far_year_aids(list, n, &view, &aids);
	for (k = 0; k < n; k++) {
		const found *f = &list[k];

		check_numeric(host, ctx, doc, &view, f);
		if (f->d.month == 0)
			continue;
		check_invalid(host, ctx, doc, f);
		if (f->valid) {
			check_weekday(host, ctx, doc, f);
			check_range(host, ctx, doc, f);
		}
		check_far_year(host, ctx, doc, &view, &aids, list, k);
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
