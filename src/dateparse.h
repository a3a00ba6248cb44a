/*
 * dateparse.h - recognises dates in English prose and does calendar sums.
 *
 * Pure functions with no host dependency, so they can be unit-tested alone.
 * The recogniser scans a buffer once, left to right, trying each word start
 * with a bounded look-ahead: it runs in linear time on any input.
 *
 * All offsets are byte offsets into the buffer given to dp_find() or
 * dp_parse_at(); spans are half-open [start, end).
 */
#ifndef STMTLINT_DATEPARSE_H
#define STMTLINT_DATEPARSE_H

#include <stddef.h>
#include <stdint.h>

/* How a date is written. */
typedef enum dp_form {
	DP_FORM_MONTH_DAY = 0,  /* June 9, 2011; June 9-10; June 30 - July 1, 2011 */
	DP_FORM_DAY_MONTH,      /* 9 June 2011; 9-10 June 2011 */
	DP_FORM_MONTH_YEAR,     /* June 2011 */
	DP_FORM_ISO,            /* 2011-06-09 */
	DP_FORM_NUMERIC,        /* 6/9/2011: month and day order unknown */
	DP_FORM_NUMERIC_YMD     /* 2011/6/9 */
} dp_form;

/* The order of month and day, for styles. */
typedef enum dp_order {
	DP_ORDER_NONE = 0,      /* no written order (month-year, ISO, numeric) */
	DP_ORDER_MDY,           /* month first: June 9, 2011 */
	DP_ORDER_DMY            /* day first: 9 June 2011 */
} dp_order;

/* A byte range of the buffer; empty (start == end) when absent. */
typedef struct dp_span {
	size_t start;
	size_t end;
} dp_span;

/* One recognised date.  A range ("June 9 and 10", "June 30 to July 1") has
 * end_day > 0; its end shares the start's year.  An ordinal written as
 * markup ("22<sup>nd</sup>") has the whole markup as its ordinal span. */
typedef struct dp_date {
	dp_form form;
	dp_span span;            /* the whole date, weekday included */
	dp_span body;            /* the date without its weekday */
	int year;                /* as written; 0 when not written */
	int month;               /* 1-12; 0 for an ambiguous numeric date */
	int day;                 /* 1-31; 0 for month-year and ambiguous numeric */
	int end_month;           /* range end's month (== month unless across months) */
	int end_day;             /* range end's day; 0 when not a range */
	int weekday;             /* written weekday, 0 = Sunday ... 6; -1 when none */
	dp_span weekday_word;    /* the weekday's letters (without '.' or ',') */
	int end_weekday;         /* "Monday and Tuesday, June 9-10": the range end's
	                            weekday; -1 when none */
	dp_span end_weekday_word;
	dp_span of_word;         /* "of" of "the 9th of June", else empty */
	dp_span month_word;      /* first month as written, '.' included */
	dp_span end_month_word;  /* second month of a cross-month range, else empty */
	dp_span day_digits;      /* first day's digits */
	dp_span day_ordinal;     /* its "st"/"nd"/"rd"/"th", or empty */
	dp_span end_day_digits;  /* range end's digits, or empty */
	dp_span end_day_ordinal; /* range end's ordinal suffix, or empty */
	dp_span connector;       /* text joining the range's two parts: "-", " and ", " to " */
	dp_span year_digits;     /* the year's digits, or empty */
	int abbreviated;         /* a month is written abbreviated ("Nov.", "Sept") */
	int numeric_first;       /* DP_FORM_NUMERIC: first number as written */
	int numeric_second;      /* DP_FORM_NUMERIC: second number as written */
} dp_date;

/* Whether a code point is white space, and a UTF-8 decoder (returns the
 * sequence's length, never 0 for len > 0): the host's text helpers. */
typedef int (*dp_space_fn)(uint32_t cp);
typedef size_t (*dp_decode_fn)(const char *s, size_t len, uint32_t *cp);

/* The text dates are read from.  The caller owns every buffer. */
typedef struct dp_text {
	const char *s;          /* the bytes read (a draft's prose view) */
	size_t len;
	const char *markup;     /* the same bytes with inline markup kept (the draft's
	                           source when s blanks its tags), where ordinals
	                           written "22<sup>nd</sup>" are read; NULL: s */
	dp_space_fn is_space;   /* which characters are spaces; NULL: ASCII white
	                           space, no-break, thin and zero-width spaces */
	dp_decode_fn decode;    /* needed with is_space */
	int any_case;           /* month and weekday names may be lower case ("june"):
	                           for text that is certainly a date, as a date line */
} dp_text;

/* Finds the first date that starts at a word start at or after `from` in
 * t->s.  Fills *out and returns 1, or returns 0 when there is none.  The
 * caller continues with from = out->span.end. */
int dp_find_in(const dp_text *t, size_t from, dp_date *out);

/* dp_find_in() over s[0, len) with the default spaces and no markup. */
int dp_find(const char *s, size_t len, size_t from, dp_date *out);

/* Recognises a date that starts exactly at `at`.  Returns 1 and fills *out,
 * or 0. */
int dp_parse_at_in(const dp_text *t, size_t at, dp_date *out);
int dp_parse_at(const char *s, size_t len, size_t at, dp_date *out);

/* Recognises a string that is only a date (leading and trailing white space
 * allowed), e.g. a front matter "date:" value or a date line, whose names
 * may be in any case ("june 8, 2011": a date line is certainly a date).
 * The core decides what a date line is with it, and the dates plugin reads
 * the date line with it: one recogniser for both.  Returns 1 or 0. */
int dp_parse_whole(const char *s, size_t len, dp_date *out);

/* The order a date is written in (DP_ORDER_NONE for forms without one). */
dp_order dp_date_order(const dp_date *d);

/* For DP_FORM_NUMERIC: whether the month-first and the day-first readings
 * name a real day of the written year (each flag 0 or 1). */
void dp_numeric_readings(const dp_date *d, int *month_first_ok, int *day_first_ok);

/* Writes the date again in `order` (MDY or DMY) into buf (NUL-terminated,
 * at most cap bytes), keeping the weekday, connector and year as written
 * ("the 9th of June" keeps its "of" day first and has no month-first form).
 * `ordinals`: 1 adds ordinal suffixes to days, 0 removes them, -1 keeps
 * them as written.  `full_months`: 1 spells months in full, 0 abbreviates
 * them, -1 keeps them as written.  Only for DP_FORM_MONTH_DAY and
 * DP_FORM_DAY_MONTH.  Returns the length written, or 0 when buf is too small
 * or the form has no order. */
size_t dp_render(const char *s, const dp_date *d, dp_order order, int ordinals,
                 int full_months, char *buf, size_t cap);

/* Writes year-month-day spelled out ("June 9, 2011" for MDY, "9 June 2011"
 * for DMY) into buf; returns the length, or 0 when buf is too small. */
size_t dp_format_ymd(int year, int month, int day, dp_order order, char *buf, size_t cap);

/* --- Calendar (proleptic Gregorian) ---------------------------------- */

/* 1 when `year` is a leap year, else 0. */
int dp_is_leap(int year);
/* Days in `month` (1-12) of `year`; 0 for a month out of range. */
int dp_days_in_month(int year, int month);
/* 1 when year-month-day is a real day, else 0. */
int dp_valid(int year, int month, int day);
/* Days since 1970-01-01 (negative before). */
long dp_day_number(int year, int month, int day);
/* Weekday of a real day, 0 = Sunday ... 6 = Saturday. */
int dp_weekday(int year, int month, int day);

/* 1 when the four-digit year `written` looks like a typo of `meant`: one
 * digit changed, or two adjacent digits swapped; else 0. */
int dp_year_typo(int written, int meant);

/* Static English names: full month (1-12), the month's usual abbreviation
 * with its period ("Jan.", "Sept."; the full name when it has none), full
 * weekday (0-6), three-letter weekday, and an ordinal suffix ("st" ...). */
const char *dp_month_name(int month);
const char *dp_month_abbreviation(int month);
const char *dp_weekday_name(int weekday);
const char *dp_weekday_short(int weekday);
const char *dp_ordinal_suffix(int n);

#endif /* STMTLINT_DATEPARSE_H */
