/*
 * test_dateparse.c - unit tests of the dates plugin's recogniser and
 * calendar helpers (plugins/dates/dateparse.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dateparse.h"

/* Finds the first date of `text`; fails the test when there is none. */
static dp_date first_date(const char *text)
{
	dp_date d;

	assert_int_equal(dp_find(text, strlen(text), 0, &d), 1);
	return d;
}

/* The date's text, in a static buffer. */
static const char *span_text(const char *text, dp_span sp)
{
	static char buf[256];
	size_t n = sp.end - sp.start;

	assert_true(n < sizeof buf);
	memcpy(buf, text + sp.start, n);
	buf[n] = '\0';
	return buf;
}

/* Number of dates in text. */
static int count_dates(const char *text)
{
	dp_date d;
	size_t from = 0, len = strlen(text);
	int n = 0;

	while (dp_find(text, len, from, &d)) {
		n++;
		from = d.span.end;
	}
	return n;
}

static void test_month_day_year(void **state)
{
	const char *t = "On June 9, 2011, the meeting";
	dp_date d = first_date(t);

	(void)state;
	assert_int_equal(d.form, DP_FORM_MONTH_DAY);
	assert_string_equal(span_text(t, d.span), "June 9, 2011");
	assert_int_equal(d.year, 2011);
	assert_int_equal(d.month, 6);
	assert_int_equal(d.day, 9);
	assert_int_equal(d.end_day, 0);
	assert_int_equal(d.weekday, -1);
	assert_int_equal(d.abbreviated, 0);
	assert_int_equal(dp_date_order(&d), DP_ORDER_MDY);
}

static void test_ranges_month_first(void **state)
{
	static const char *const texts[] = {
		"On June 9 and 10, 2011, it", "On June 9-10, 2011, it",
		"On June 9\xE2\x80\x93" "10, 2011, it", "On June 9 to 10, 2011, it",
		"On June 9 through 10, 2011, it", "On June 9 - 10, 2011, it"
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		dp_date d = first_date(texts[i]);

		assert_int_equal(d.form, DP_FORM_MONTH_DAY);
		assert_int_equal(d.day, 9);
		assert_int_equal(d.end_day, 10);
		assert_int_equal(d.end_month, 6);
		assert_int_equal(d.year, 2011);
		assert_int_equal(d.span.start, 3);
		assert_int_equal(d.span.end, strlen(texts[i]) - 4);
	}
}

static void test_range_no_year_and_slash(void **state)
{
	const char *t = "from June 9 to 10 the";
	const char *u = "October 18/19, 2012";
	dp_date d = first_date(t);

	(void)state;
	assert_string_equal(span_text(t, d.span), "June 9 to 10");
	assert_int_equal(d.year, 0);
	d = first_date(u);
	assert_int_equal(d.day, 18);
	assert_int_equal(d.end_day, 19);
	assert_int_equal(d.year, 2012);
	assert_string_equal(span_text(u, d.connector), "/");
}

static void test_range_across_months(void **state)
{
	const char *t = "from June 30 to July 1, 2011.";
	const char *u = "from 30 June \xE2\x80\x93 1 July 2011.";
	dp_date d = first_date(t);

	(void)state;
	assert_string_equal(span_text(t, d.span), "June 30 to July 1, 2011");
	assert_int_equal(d.month, 6);
	assert_int_equal(d.day, 30);
	assert_int_equal(d.end_month, 7);
	assert_int_equal(d.end_day, 1);
	assert_string_equal(span_text(t, d.end_month_word), "July");
	d = first_date(u);
	assert_int_equal(d.form, DP_FORM_DAY_MONTH);
	assert_string_equal(span_text(u, d.span), "30 June \xE2\x80\x93 1 July 2011");
	assert_int_equal(d.end_month, 7);
	assert_int_equal(d.year, 2011);
}

static void test_day_first(void **state)
{
	const char *t = "on 9 June 2011 in";
	const char *u = "on 9-10 June 2011 in";
	const char *v = "on 9 and 10 June, in";
	dp_date d = first_date(t);

	(void)state;
	assert_int_equal(d.form, DP_FORM_DAY_MONTH);
	assert_string_equal(span_text(t, d.span), "9 June 2011");
	assert_int_equal(dp_date_order(&d), DP_ORDER_DMY);
	d = first_date(u);
	assert_string_equal(span_text(u, d.span), "9-10 June 2011");
	assert_int_equal(d.end_day, 10);
	d = first_date(v);
	assert_string_equal(span_text(v, d.span), "9 and 10 June");
	assert_int_equal(d.year, 0);
}

static void test_ordinal(void **state)
{
	const char *t = "June 11th, 2011";
	const char *u = "the 9th June 2011";
	dp_date d = first_date(t);

	(void)state;
	assert_string_equal(span_text(t, d.span), "June 11th, 2011");
	assert_string_equal(span_text(t, d.day_ordinal), "th");
	assert_int_equal(d.day, 11);
	d = first_date(u);
	assert_string_equal(span_text(u, d.day_ordinal), "th");
	assert_int_equal(d.form, DP_FORM_DAY_MONTH);
	assert_string_equal(dp_ordinal_suffix(1), "st");
	assert_string_equal(dp_ordinal_suffix(2), "nd");
	assert_string_equal(dp_ordinal_suffix(3), "rd");
	assert_string_equal(dp_ordinal_suffix(11), "th");
	assert_string_equal(dp_ordinal_suffix(12), "th");
	assert_string_equal(dp_ordinal_suffix(22), "nd");
}

static void test_abbreviated(void **state)
{
	const char *t = "since Nov. 1, 2010 and";
	const char *u = "on Sept. 16 the";
	const char *v = "on Sept 16 the";
	dp_date d = first_date(t);

	(void)state;
	assert_string_equal(span_text(t, d.span), "Nov. 1, 2010");
	assert_string_equal(span_text(t, d.month_word), "Nov.");
	assert_int_equal(d.abbreviated, 1);
	assert_int_equal(d.month, 11);
	d = first_date(u);
	assert_string_equal(span_text(u, d.span), "Sept. 16");
	assert_int_equal(d.month, 9);
	d = first_date(v);
	assert_string_equal(span_text(v, d.span), "Sept 16");
	d = first_date("May 5, 2011");
	assert_int_equal(d.abbreviated, 0);
}

static void test_weekday(void **state)
{
	const char *t = "on Thursday, June 9, 2011, the";
	const char *u = "on Thu. 9 June 2011";
	dp_date d = first_date(t);

	(void)state;
	assert_string_equal(span_text(t, d.span), "Thursday, June 9, 2011");
	assert_int_equal(d.weekday, 4);
	assert_string_equal(span_text(t, d.weekday_word), "Thursday");
	d = first_date(u);
	assert_string_equal(span_text(u, d.span), "Thu. 9 June 2011");
	assert_string_equal(span_text(u, d.weekday_word), "Thu");
	assert_int_equal(d.weekday, 4);
	d = first_date("on Tuesday, 12/6/2011.");
	assert_int_equal(d.form, DP_FORM_NUMERIC);
	assert_int_equal(d.weekday, 2);
	d = first_date("on Sunday 2011-06-12.");
	assert_int_equal(d.form, DP_FORM_ISO);
	assert_int_equal(d.weekday, 0);
	/* a weekday alone is not a date */
	assert_int_equal(count_dates("on Thursday the"), 0);
}

static void test_month_year_iso_numeric(void **state)
{
	const char *t = "in June 2011 the";
	dp_date d = first_date(t);
	int mdy, dmy;

	(void)state;
	assert_int_equal(d.form, DP_FORM_MONTH_YEAR);
	assert_string_equal(span_text(t, d.span), "June 2011");
	assert_int_equal(d.day, 0);
	d = first_date("date 2011-06-09.");
	assert_int_equal(d.form, DP_FORM_ISO);
	assert_int_equal(d.year, 2011);
	assert_int_equal(d.month, 6);
	assert_int_equal(d.day, 9);
	d = first_date("on 6/9/2011.");
	assert_int_equal(d.form, DP_FORM_NUMERIC);
	assert_int_equal(d.month, 0);
	assert_int_equal(d.numeric_first, 6);
	assert_int_equal(d.numeric_second, 9);
	dp_numeric_readings(&d, &mdy, &dmy);
	assert_int_equal(mdy, 1);
	assert_int_equal(dmy, 1);
	d = first_date("on 13/6/2011.");
	assert_int_equal(d.month, 6);
	assert_int_equal(d.day, 13);
	d = first_date("on 6/13/2011.");
	assert_int_equal(d.month, 6);
	assert_int_equal(d.day, 13);
	/* read month-first, the only possible order: February 31, not a day */
	d = first_date("on 2/31/2011.");
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 31);
	dp_numeric_readings(&d, &mdy, &dmy);
	assert_int_equal(mdy, 0);
	assert_int_equal(dmy, 0);
	d = first_date("on 6/6/2011.");
	assert_int_equal(d.month, 6);
	assert_int_equal(d.day, 6);
	d = first_date("on 2011/6/9.");
	assert_int_equal(d.form, DP_FORM_NUMERIC_YMD);
	assert_int_equal(d.month, 6);
}

static void test_not_dates(void **state)
{
	(void)state;
	assert_int_equal(count_dates("In light of the above principles in 2.(1)-(5), we"), 0);
	assert_int_equal(count_dates("the G8 Deauville Communique and IPv6 deployment"), 0);
	assert_int_equal(count_dates("version 1.2.3 and 10.5 and 3,000 people"), 0);
	assert_int_equal(count_dates("in 2011 and in the first half of 2025"), 0);
	assert_int_equal(count_dates("call 03-5253-2111 or +1-202-647-4000"), 0);
	assert_int_equal(count_dates("participants may 2 times; may 2011"), 0);
	assert_int_equal(count_dates("the march 13 and the long March of"), 0);
	assert_int_equal(count_dates("May we note that 5 participants"), 0);
	assert_int_equal(count_dates("June 45 and June 9:30 and June 1.5"), 0);
	assert_int_equal(count_dates("2011-13-01 and 2011-06-09T10 and 12/13/14"), 0);
	assert_int_equal(count_dates("1/2/3/2011 and 31/31/2011"), 0);
	assert_int_equal(count_dates("the 5 principles, 10 March"), 1);
}

static void test_lines_and_spaces(void **state)
{
	const char *t = "On June\n9 and\n10, 2011 it";
	const char *u = "On June\n\n9, 2011";
	const char *v = "On June\xC2\xA0" "9,\xC2\xA0" "2011.";

	(void)state;
	assert_string_equal(span_text(t, first_date(t).span), "June\n9 and\n10, 2011");
	assert_int_equal(count_dates(u), 0);
	assert_string_equal(span_text(v, first_date(v).span), "June\xC2\xA0" "9,\xC2\xA0" "2011");
	/* Markdown emphasis blanked to spaces before the comma */
	assert_int_equal(first_date("On   June 9  , 2011, it").year, 2011);
	assert_int_equal(first_date("On 9 June, 2011, it").year, 2011);
}

/* A test classifier in place of the host's: ASCII white space and U+2002
 * (en space), which the recogniser's default list does not hold. */
static int en_space_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2002;
}

/* Decodes the 1-3 byte UTF-8 sequences the tests use. */
static size_t decode_short(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] >= 0xE0 && len >= 3) {
		*cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		return 3;
	}
	if (u[0] >= 0xC0 && len >= 2) {
		*cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	*cp = u[0];
	return 1;
}

static void test_host_spaces(void **state)
{
	const char *t = "on June\xE2\x80\x82" "9, 2011.";
	const char *u = "on June 9,\xE2\x80\x8B 2011.";
	dp_text custom = {t, strlen(t), NULL, en_space_is_space, decode_short, 0};
	dp_date d;

	(void)state;
	/* the default list knows no en space; the caller's classifier does */
	assert_int_equal(count_dates(t), 0);
	assert_int_equal(dp_find_in(&custom, 0, &d), 1);
	assert_int_equal(d.day, 9);
	assert_int_equal(d.year, 2011);
	/* a zero-width space is a space by default */
	assert_int_equal(first_date(u).year, 2011);
}

static void test_sup_ordinal(void **state)
{
	const char *t = "on June 22<sup>nd</sup>, 2011, the";
	/* a Markdown prose view blanks the tags; the source keeps them */
	const char *source = "on 22<sup>nd</sup> June and";
	const char *prose = "on 22     nd       June and";
	dp_text md = {prose, strlen(prose), source, NULL, NULL, 0};
	dp_date d = first_date(t);

	(void)state;
	assert_string_equal(span_text(t, d.span), "June 22<sup>nd</sup>, 2011");
	assert_string_equal(span_text(t, d.day_ordinal), "<sup>nd</sup>");
	assert_int_equal(d.day, 22);
	assert_int_equal(d.year, 2011);
	assert_int_equal(dp_find_in(&md, 0, &d), 1);
	assert_int_equal(d.form, DP_FORM_DAY_MONTH);
	assert_int_equal(d.day, 22);
	assert_int_equal(d.month, 6);
	assert_string_equal(span_text(source, d.day_ordinal), "<sup>nd</sup>");
	/* without the source, the blanked tags leave a lone "nd": no ordinal */
	assert_int_equal(dp_find(prose, strlen(prose), 0, &d), 0);
}

static void test_of_form(void **state)
{
	const char *t = "met on the 9th of June 2011 in";
	const char *u = "on the 9th and 10th of June, the";
	char buf[64];
	dp_date d = first_date(t);

	(void)state;
	assert_string_equal(span_text(t, d.span), "9th of June 2011");
	assert_int_equal(d.form, DP_FORM_DAY_MONTH);
	assert_string_equal(span_text(t, d.of_word), "of");
	assert_int_equal(d.day, 9);
	assert_int_equal(d.month, 6);
	assert_int_equal(d.year, 2011);
	assert_true(dp_render(t, &d, DP_ORDER_DMY, -1, 1, buf, sizeof buf) > 0);
	assert_string_equal(buf, "9th of June 2011");
	/* "the 9th of June" has no month-first form, nor one without its ordinal */
	assert_int_equal(dp_render(t, &d, DP_ORDER_MDY, -1, -1, buf, sizeof buf), 0);
	assert_int_equal(dp_render(t, &d, DP_ORDER_DMY, 0, -1, buf, sizeof buf), 0);
	d = first_date(u);
	assert_string_equal(span_text(u, d.span), "9th and 10th of June");
	assert_int_equal(d.end_day, 10);
	/* "of" only after an ordinal */
	assert_int_equal(count_dates("a total of 9 of June and"), 0);
}

static void test_weekday_range(void **state)
{
	const char *t = "on Monday and Tuesday, June 9\xE2\x80\x93" "10, 2011, the";
	const char *u = "on Mon.-Tue. 9-10 June 2011";
	const char *v = "on Monday and Tuesday, June 9, the";
	dp_date d = first_date(t);

	(void)state;
	assert_string_equal(span_text(t, d.span), "Monday and Tuesday, June 9\xE2\x80\x93" "10, 2011");
	assert_int_equal(d.weekday, 1);
	assert_int_equal(d.end_weekday, 2);
	assert_string_equal(span_text(t, d.weekday_word), "Monday");
	assert_string_equal(span_text(t, d.end_weekday_word), "Tuesday");
	assert_string_equal(span_text(t, d.body), "June 9\xE2\x80\x93" "10, 2011");
	assert_int_equal(d.end_day, 10);
	d = first_date(u);
	assert_int_equal(d.form, DP_FORM_DAY_MONTH);
	assert_int_equal(d.end_weekday, 2);
	assert_string_equal(span_text(u, d.end_weekday_word), "Tue");
	/* two weekdays need two days: the date is "Tuesday, June 9" */
	d = first_date(v);
	assert_string_equal(span_text(v, d.span), "Tuesday, June 9");
	assert_int_equal(d.weekday, 2);
	assert_int_equal(d.end_weekday, -1);
}

static void test_year_typo(void **state)
{
	(void)state;
	assert_int_equal(dp_year_typo(2005, 2025), 1);   /* one digit */
	assert_int_equal(dp_year_typo(2101, 2011), 1);   /* two adjacent digits swapped */
	assert_int_equal(dp_year_typo(2052, 2025), 1);
	assert_int_equal(dp_year_typo(2001, 2024), 0);   /* a historical year */
	assert_int_equal(dp_year_typo(1923, 2025), 0);
	assert_int_equal(dp_year_typo(2025, 2025), 0);
	assert_int_equal(dp_year_typo(2205, 2025), 1);   /* 0 and 2 swapped */
	assert_int_equal(dp_year_typo(2520, 2025), 0);   /* swapped, not adjacent */
	assert_int_equal(dp_year_typo(999, 2025), 0);
}

static void test_parse_whole(void **state)
{
	dp_date d;

	(void)state;
	assert_int_equal(dp_parse_whole("2024-03-15", 10, &d), 1);
	assert_int_equal(d.year, 2024);
	assert_int_equal(dp_parse_whole("  March 15, 2024\n", 17, &d), 1);
	assert_int_equal(d.day, 15);
	assert_int_equal(dp_parse_whole("March 15, 2024 x", 16, &d), 0);
}

static void test_calendar(void **state)
{
	(void)state;
	assert_int_equal(dp_is_leap(2000), 1);
	assert_int_equal(dp_is_leap(1900), 0);
	assert_int_equal(dp_is_leap(2012), 1);
	assert_int_equal(dp_is_leap(2011), 0);
	assert_int_equal(dp_days_in_month(2011, 2), 28);
	assert_int_equal(dp_days_in_month(2012, 2), 29);
	assert_int_equal(dp_days_in_month(2011, 6), 30);
	assert_int_equal(dp_days_in_month(2011, 12), 31);
	assert_int_equal(dp_days_in_month(2011, 13), 0);
	assert_int_equal(dp_valid(2011, 6, 31), 0);
	assert_int_equal(dp_valid(2011, 2, 29), 0);
	assert_int_equal(dp_valid(2012, 2, 29), 1);
	assert_int_equal(dp_valid(2000, 2, 29), 1);
	assert_int_equal(dp_valid(2100, 2, 29), 0);
	assert_int_equal(dp_day_number(1970, 1, 1), 0);
	assert_int_equal(dp_day_number(2011, 6, 11) - dp_day_number(2011, 6, 9), 2);
	assert_int_equal(dp_day_number(2012, 3, 1) - dp_day_number(2012, 2, 28), 2);
	assert_int_equal(dp_day_number(2012, 1, 1) - dp_day_number(2011, 12, 31), 1);
	assert_int_equal(dp_weekday(2011, 6, 9), 4);    /* Thursday */
	assert_int_equal(dp_weekday(2024, 3, 13), 3);   /* Wednesday */
	assert_int_equal(dp_weekday(2000, 1, 1), 6);    /* Saturday */
	assert_int_equal(dp_weekday(1969, 12, 31), 3);  /* Wednesday */
	assert_string_equal(dp_weekday_name(3), "Wednesday");
	assert_string_equal(dp_month_name(9), "September");
	assert_string_equal(dp_month_abbreviation(9), "Sept.");
}

static void test_render(void **state)
{
	char buf[128];
	const char *t = "9-10 June 2011";
	const char *u = "Thursday, June 9th, 2011";
	const char *v = "30 June to 1 July 2011";
	const char *w = "Nov. 1, 2010";
	dp_date d = first_date(t);

	(void)state;
	assert_true(dp_render(t, &d, DP_ORDER_MDY, -1, -1, buf, sizeof buf) > 0);
	assert_string_equal(buf, "June 9-10, 2011");
	d = first_date(u);
	assert_true(dp_render(u, &d, DP_ORDER_DMY, 0, -1, buf, sizeof buf) > 0);
	assert_string_equal(buf, "Thursday, 9 June 2011");
	d = first_date(v);
	assert_true(dp_render(v, &d, DP_ORDER_MDY, -1, -1, buf, sizeof buf) > 0);
	assert_string_equal(buf, "June 30 to July 1, 2011");
	d = first_date(w);
	assert_true(dp_render(w, &d, DP_ORDER_MDY, 1, 1, buf, sizeof buf) > 0);
	assert_string_equal(buf, "November 1st, 2010");
	assert_int_equal(dp_render(w, &d, DP_ORDER_MDY, 1, 1, buf, 5), 0);
	assert_true(dp_format_ymd(2011, 6, 9, DP_ORDER_MDY, buf, sizeof buf) > 0);
	assert_string_equal(buf, "June 9, 2011");
	assert_true(dp_format_ymd(2011, 6, 9, DP_ORDER_DMY, buf, sizeof buf) > 0);
	assert_string_equal(buf, "9 June 2011");
}

static void test_scan_is_linear(void **state)
{
	size_t n = 4u << 20, i;
	char *big = malloc(n + 1);

	(void)state;
	assert_non_null(big);
	for (i = 0; i < n; i++)
		big[i] = "June 1 and  "[i % 12];
	big[n] = '\0';
	assert_true(count_dates(big) > 0);
	memset(big, '9', n);
	assert_int_equal(count_dates(big), 0);
	memset(big, ' ', n);
	memcpy(big, "June", 4);
	assert_int_equal(count_dates(big), 0);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month_day_year),
		cmocka_unit_test(test_ranges_month_first),
		cmocka_unit_test(test_range_no_year_and_slash),
		cmocka_unit_test(test_range_across_months),
		cmocka_unit_test(test_day_first),
		cmocka_unit_test(test_ordinal),
		cmocka_unit_test(test_abbreviated),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_month_year_iso_numeric),
		cmocka_unit_test(test_not_dates),
		cmocka_unit_test(test_lines_and_spaces),
		cmocka_unit_test(test_host_spaces),
		cmocka_unit_test(test_sup_ordinal),
		cmocka_unit_test(test_of_form),
		cmocka_unit_test(test_weekday_range),
		cmocka_unit_test(test_year_typo),
		cmocka_unit_test(test_parse_whole),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_scan_is_linear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
