/*
 * dateparse.c - recognises dates in English prose and does calendar sums.
 *
 * The recogniser is a hand-written scanner: at each word start it tries the
 * few forms a date can take, looking ahead a bounded number of bytes (white
 * space between parts is limited to DP_MAX_GAP bytes and one line break).
 * No backtracking beyond that, so a scan is linear in the input.
 */
#include "dateparse.h"

#include <stdio.h>
#include <string.h>

/* Most bytes of white space accepted between two parts of one date (room
 * for a few no-break or zero-width spaces, or blanked emphasis markers). */
#define DP_MAX_GAP 16
/* Years a written date may carry: four digits in this range. */
#define DP_YEAR_MIN 1000
#define DP_YEAR_MAX 2999
/* "<sup>" and "</sup>" around an ordinal suffix written as markup. */
#define SUP_OPEN "<sup>"
#define SUP_CLOSE "</sup>"

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Usual abbreviations in running text; months without one keep their name. */
static const char *const month_abbreviations[12] = {
	"Jan.", "Feb.", "March", "April", "May", "June", "July",
	"Aug.", "Sept.", "Oct.", "Nov.", "Dec."
};

/* Abbreviations recognised when reading (lower case, without period). */
static const struct {
	const char *word;
	int month;
} month_short_forms[] = {
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
	{"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}
};

static const char *const weekday_names[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
};

static const char *const weekday_shorts[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};

static const struct {
	const char *word;
	int weekday;
} weekday_short_forms[] = {
	{"sun", 0}, {"mon", 1}, {"tue", 2}, {"tues", 2}, {"wed", 3}, {"thu", 4},
	{"thur", 4}, {"thurs", 4}, {"fri", 5}, {"sat", 6}
};

/* ---- characters -------------------------------------------------------- */

static int is_digit(const dp_text *t, size_t i)
{
	return i < t->len && t->s[i] >= '0' && t->s[i] <= '9';
}

static int is_alpha_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(const dp_text *t, size_t i)
{
	return i < t->len && (is_alpha_byte(t->s[i]) || (t->s[i] >= '0' && t->s[i] <= '9'));
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static char lower(char c)
{
	return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* Bytes of a space other than ASCII white space at s[i] when the caller
 * gave no classifier: U+00A0 no-break, U+2009 thin, U+200B zero-width and
 * U+202F narrow no-break space.  0 when none. */
static size_t default_wide_space(const dp_text *t, size_t i)
{
	const unsigned char *u = (const unsigned char *)t->s;

	if (i + 1 < t->len && u[i] == 0xC2 && u[i + 1] == 0xA0)
		return 2;
	if (i + 2 < t->len && u[i] == 0xE2 && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0x89 || u[i + 2] == 0x8B || u[i + 2] == 0xAF))
		return 3;
	return 0;
}

/* Bytes of the white-space character at i (0 when none).  Sets *newline
 * when it is a line feed.  ASCII is decided here; other characters by the
 * caller's classifier. */
static size_t space_len(const dp_text *t, size_t i, int *newline)
{
	uint32_t cp;
	size_t n;

	*newline = 0;
	if (i >= t->len)
		return 0;
	if (t->s[i] == ' ' || t->s[i] == '\t' || t->s[i] == '\r')
		return 1;
	if (t->s[i] == '\n') {
		*newline = 1;
		return 1;
	}
	if ((unsigned char)t->s[i] < 0x80)
		return 0;
	if (t->is_space == NULL || t->decode == NULL)
		return default_wide_space(t, i);
	n = t->decode(t->s + i, t->len - i, &cp);
	return t->is_space(cp) ? n : 0;
}

/* Skips white space from i: at most DP_MAX_GAP bytes and one line feed.
 * Returns the index after it (i when there is none), or SIZE_MAX when the
 * gap is too long to join two parts of a date. */
static size_t skip_space(const dp_text *t, size_t i)
{
	size_t start = i;
	int newlines = 0;

	for (;;) {
		int newline;
		size_t n = space_len(t, i, &newline);

		if (n == 0)
			break;
		newlines += newline;
		i += n;
		if (newlines > 1 || i - start > DP_MAX_GAP)
			return (size_t)-1;
	}
	return i;
}

/* Bytes of a dash at i: hyphen-minus, U+2010, U+2011, en dash, em dash. */
static size_t dash_len(const dp_text *t, size_t i)
{
	const unsigned char *u = (const unsigned char *)t->s;

	if (i < t->len && t->s[i] == '-')
		return 1;
	if (i + 2 < t->len && u[i] == 0xE2 && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0x90 || u[i + 2] == 0x91 || u[i + 2] == 0x93 || u[i + 2] == 0x94))
		return 3;
	return 0;
}

/* Reads up to 5 digits at i; returns how many (5 means "too many"). */
static size_t read_number(const dp_text *t, size_t i, int *value)
{
	size_t n = 0;
	int v = 0;

	while (n < 5 && is_digit(t, i + n)) {
		v = v * 10 + (t->s[i + n] - '0');
		n++;
	}
	*value = v;
	return n;
}

/* Number of ASCII letters at i, at most 12 (13 means "longer"). */
static size_t read_letters(const dp_text *t, size_t i)
{
	size_t n = 0;

	while (n < 13 && i + n < t->len && is_alpha_byte(t->s[i + n]))
		n++;
	return n;
}

/* Whether the n bytes at s + i equal the word w, ignoring ASCII case. */
static int letters_equal(const char *s, size_t i, size_t n, const char *w)
{
	size_t k;

	if (strlen(w) != n)
		return 0;
	for (k = 0; k < n; k++) {
		if (lower(s[i + k]) != lower(w[k]))
			return 0;
	}
	return 1;
}

/* Names are capitalised ("June") or all capitals ("JUNE"): never "june". */
static int is_name_case(const char *s, size_t i, size_t n)
{
	size_t k;
	int all_upper = 1, rest_lower = 1;

	if (n == 0 || !is_upper(s[i]))
		return 0;
	for (k = 1; k < n; k++) {
		if (is_upper(s[i + k]))
			rest_lower = 0;
		else
			all_upper = 0;
	}
	return all_upper || rest_lower;
}

/* Whether a number or word that ended at i really ends there: not followed
 * by a letter or digit, nor by ". , : / -" and a digit (decimals, times,
 * thousands, further numeric parts). */
static int ends_cleanly(const dp_text *t, size_t i)
{
	const char *s = t->s;

	if (i >= t->len)
		return 1;
	if (is_alnum(t, i))
		return 0;
	if ((s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '/') && is_digit(t, i + 1))
		return 0;
	if (dash_len(t, i) > 0 && is_digit(t, i + dash_len(t, i)))
		return 0;
	return 1;
}

/* ---- parts of a date --------------------------------------------------- */

/* A month name at i: sets *month, *abbreviated and returns the index after
 * it (its period included), or 0. */
static size_t read_month(const dp_text *t, size_t i, int *month, int *abbreviated)
{
	size_t n = read_letters(t, i);
	size_t k;

	if (n < 3 || n > 9 || !(t->any_case || is_name_case(t->s, i, n)))
		return 0;
	for (k = 0; k < 12; k++) {
		if (letters_equal(t->s, i, n, month_names[k])) {
			*month = (int)k + 1;
			*abbreviated = 0;
			return i + n;
		}
	}
	for (k = 0; k < sizeof month_short_forms / sizeof month_short_forms[0]; k++) {
		if (letters_equal(t->s, i, n, month_short_forms[k].word)) {
			*month = month_short_forms[k].month;
			*abbreviated = 1;
			if (i + n < t->len && t->s[i + n] == '.')
				return i + n + 1;
			return i + n;
		}
	}
	return 0;
}

/* A weekday name at i: sets *weekday and the letters' end, returns the
 * index after it (period included), or 0. */
static size_t read_weekday(const dp_text *t, size_t i, int *weekday, size_t *word_end)
{
	size_t n = read_letters(t, i);
	size_t k;

	if (n < 3 || n > 9 || !(t->any_case || is_name_case(t->s, i, n)))
		return 0;
	for (k = 0; k < 7; k++) {
		if (letters_equal(t->s, i, n, weekday_names[k])) {
			*weekday = (int)k;
			*word_end = i + n;
			return i + n;
		}
	}
	for (k = 0; k < sizeof weekday_short_forms / sizeof weekday_short_forms[0]; k++) {
		if (letters_equal(t->s, i, n, weekday_short_forms[k].word)) {
			*weekday = weekday_short_forms[k].weekday;
			*word_end = i + n;
			if (i + n < t->len && t->s[i + n] == '.')
				return i + n + 1;
			return i + n;
		}
	}
	return 0;
}

/* Whether the two bytes at s + j are an ordinal suffix. */
static int is_suffix(const char *s, size_t j)
{
	return letters_equal(s, j, 2, "st") || letters_equal(s, j, 2, "nd") ||
	       letters_equal(s, j, 2, "rd") || letters_equal(s, j, 2, "th");
}

/* An ordinal suffix right after a day's digits at j: "th", or the markup
 * "<sup>th</sup>" (read in the markup view, where the prose view may have
 * blanked the tags).  Returns the index after it, or j when there is none. */
static size_t read_ordinal(const dp_text *t, size_t j)
{
	const char *m = t->markup != NULL ? t->markup : t->s;
	size_t open = strlen(SUP_OPEN), close = strlen(SUP_CLOSE);

	if (j + 1 < t->len && !is_alnum(t, j + 2) && is_suffix(t->s, j))
		return j + 2;
	if (j + open + 2 + close <= t->len && letters_equal(m, j, open, SUP_OPEN) &&
	    is_suffix(m, j + open) && letters_equal(m, j + open + 2, close, SUP_CLOSE))
		return j + open + 2 + close;
	return j;
}

/* A day of the month at i (1-31, one or two digits, maybe with an ordinal
 * suffix).  Fills the spans and returns the index after it, or 0. */
static size_t read_day(const dp_text *t, size_t i, int *day, dp_span *digits, dp_span *ordinal)
{
	int v;
	size_t n = read_number(t, i, &v);
	size_t j = i + n;

	if (n < 1 || n > 2 || v < 1 || v > 31)
		return 0;
	digits->start = i;
	digits->end = j;
	ordinal->start = j;
	j = read_ordinal(t, j);
	ordinal->end = j;
	if (!ends_cleanly(t, j) && !(dash_len(t, j) > 0 || (j < t->len && t->s[j] == '/')))
		return 0;
	*day = v;
	return j;
}

/* A four-digit year at i that ends cleanly; returns the index after it. */
static size_t read_year(const dp_text *t, size_t i, int *year)
{
	int v;
	size_t n = read_number(t, i, &v);

	if (n != 4 || v < DP_YEAR_MIN || v > DP_YEAR_MAX || !ends_cleanly(t, i + 4))
		return 0;
	*year = v;
	return i + 4;
}

/* The lower-case word w (followed by white space) at i, after white space
 * that must be there.  Returns the index after the white space that
 * follows it, or 0. */
static size_t read_spaced_word(const dp_text *t, size_t i, const char *w)
{
	size_t a = skip_space(t, i), n, c;

	if (a == (size_t)-1 || a == i)
		return 0;
	n = read_letters(t, a);
	if (!letters_equal(t->s, a, n, w) || t->s[a] != w[0])
		return 0;
	c = skip_space(t, a + n);
	if (c == (size_t)-1 || c == a + n)
		return 0;
	return c;
}

/* The words or marks that join the two ends of a range: a dash, "/", "&",
 * "and", "to", "through", "until".  Returns the index of what follows
 * (after white space), or 0. */
static size_t read_connector(const dp_text *t, size_t i)
{
	static const char *const words[] = {"and", "to", "through", "until"};
	size_t a = skip_space(t, i);
	size_t b, c, k;

	if (a == (size_t)-1)
		return 0;
	if (dash_len(t, a) > 0) {
		b = a + dash_len(t, a);
	} else if (a < t->len && (t->s[a] == '/' || t->s[a] == '&')) {
		b = a + 1;
	} else {
		for (k = 0; k < sizeof words / sizeof words[0]; k++) {
			c = read_spaced_word(t, i, words[k]);
			if (c != 0)
				return c;
		}
		return 0;
	}
	c = skip_space(t, b);
	if (c == (size_t)-1)
		return 0;
	return c;
}

/* Optional ", 2011" or " 2011" after the days (white space before the
 * comma allowed: Markdown emphasis leaves blanks there); sets year and span. */
static size_t read_trailing_year(const dp_text *t, size_t i, int allow_comma, dp_date *d)
{
	size_t before = skip_space(t, i), j, k;
	int year;

	if (before == (size_t)-1)
		return i;
	j = before;
	if (allow_comma && j < t->len && t->s[j] == ',')
		j++;
	k = skip_space(t, j);
	if (k == (size_t)-1 || k == i || (j == before && before == i))
		return i;
	j = read_year(t, k, &year);
	if (j == 0)
		return i;
	d->year = year;
	d->year_digits.start = k;
	d->year_digits.end = j;
	return j;
}

/* The end of a month-first range after the connector at c: "10" or
 * "July 1".  Returns the index after it, or 0. */
static size_t read_month_first_end(const dp_text *t, size_t c, dp_date *d)
{
	size_t e = read_day(t, c, &d->end_day, &d->end_day_digits, &d->end_day_ordinal);
	int m2, ab2;
	size_t q2, r2;

	if (e != 0)
		return e;
	q2 = read_month(t, c, &m2, &ab2);
	r2 = q2 ? skip_space(t, q2) : 0;
	if (q2 == 0 || r2 == (size_t)-1 || r2 == q2)
		return 0;
	e = read_day(t, r2, &d->end_day, &d->end_day_digits, &d->end_day_ordinal);
	if (e == 0)
		return 0;
	d->end_month = m2;
	d->end_month_word.start = c;
	d->end_month_word.end = q2;
	d->abbreviated |= ab2;
	return e;
}

/* "June 9", "June 9-10", "June 30 to July 1", each with an optional year,
 * or "June 2011".  `p` is at the month. */
static size_t parse_month_first(const dp_text *t, size_t p, int allow_month_year, dp_date *d)
{
	int month, abbreviated, v;
	size_t q = read_month(t, p, &month, &abbreviated);
	size_t r, j, c;

	if (q == 0)
		return 0;
	r = skip_space(t, q);
	if (r == (size_t)-1 || r == q)
		return 0;
	d->month = month;
	d->end_month = month;
	d->abbreviated = abbreviated;
	d->month_word.start = p;
	d->month_word.end = q;
	if (read_number(t, r, &v) == 4) {
		j = read_year(t, r, &d->year);
		if (j == 0 || !allow_month_year)
			return 0;
		d->form = DP_FORM_MONTH_YEAR;
		d->year_digits.start = r;
		d->year_digits.end = j;
		return j;
	}
	j = read_day(t, r, &d->day, &d->day_digits, &d->day_ordinal);
	if (j == 0)
		return 0;
	d->form = DP_FORM_MONTH_DAY;
	c = read_connector(t, j);
	if (c != 0) {
		size_t e = read_month_first_end(t, c, d);

		if (e != 0) {
			d->connector.start = j;
			d->connector.end = d->end_month_word.end > d->end_month_word.start ?
			                   d->end_month_word.start : d->end_day_digits.start;
			j = e;
		} else {
			d->end_day = 0;
			d->end_day_digits.start = d->end_day_digits.end = 0;
			d->end_day_ordinal.start = d->end_day_ordinal.end = 0;
		}
	}
	if (!ends_cleanly(t, j))
		return 0;
	return read_trailing_year(t, j, 1, d);
}

/* "30 June - 1 July" after "30 June" ending at j: reads the second day and
 * month into d.  Returns the index after them, or j when there are none. */
static size_t read_day_first_end(const dp_text *t, size_t j, dp_date *d)
{
	size_t c = read_connector(t, j);
	int day2, m2, ab2;
	dp_span digits2, ordinal2;
	size_t e, r2, q2;

	if (c == 0)
		return j;
	e = read_day(t, c, &day2, &digits2, &ordinal2);
	r2 = e ? skip_space(t, e) : 0;
	q2 = (r2 != 0 && r2 != (size_t)-1 && r2 > e) ? read_month(t, r2, &m2, &ab2) : 0;
	if (q2 == 0)
		return j;
	d->end_day = day2;
	d->end_day_digits = digits2;
	d->end_day_ordinal = ordinal2;
	d->end_month = m2;
	d->end_month_word.start = r2;
	d->end_month_word.end = q2;
	d->abbreviated |= ab2;
	d->connector.start = j;
	d->connector.end = c;
	return q2;
}

/* "9 June", "9-10 June", "30 June - 1 July", "the 9th of June", each with
 * an optional year.  `p` is at the first digit. */
static size_t parse_day_first(const dp_text *t, size_t p, dp_date *d)
{
	size_t j = read_day(t, p, &d->day, &d->day_digits, &d->day_ordinal);
	size_t c, r, q, of;
	dp_span last_ordinal;

	if (j == 0)
		return 0;
	d->form = DP_FORM_DAY_MONTH;
	/* "9-10 June": a second day before the month */
	c = read_connector(t, j);
	if (c != 0) {
		size_t e = read_day(t, c, &d->end_day, &d->end_day_digits, &d->end_day_ordinal);

		if (e != 0) {
			d->connector.start = j;
			d->connector.end = c;
			j = e;
		}
	}
	/* "the 9th of June": "of" only after an ordinal */
	last_ordinal = d->end_day != 0 ? d->end_day_ordinal : d->day_ordinal;
	of = last_ordinal.end > last_ordinal.start ? read_spaced_word(t, j, "of") : 0;
	if (of != 0) {
		d->of_word.start = skip_space(t, j);
		d->of_word.end = d->of_word.start + 2;
		r = of;
	} else {
		r = skip_space(t, j);
		if (r == (size_t)-1 || r == j)
			return 0;
	}
	q = read_month(t, r, &d->month, &d->abbreviated);
	if (q == 0)
		return 0;
	d->end_month = d->month;
	d->month_word.start = r;
	d->month_word.end = q;
	j = q;
	if (d->end_day == 0 && of == 0)
		j = read_day_first_end(t, j, d);
	return read_trailing_year(t, j, 1, d);
}

/* "2011-06-09" or "2011/6/9" at p (a digit); returns the index after it, or 0. */
static size_t parse_year_first(const dp_text *t, size_t p, dp_date *d)
{
	int a, b, c;
	size_t na = read_number(t, p, &a);
	size_t i = p + na, nb, nc;
	char sep;

	if (na != 4 || i >= t->len || (t->s[i] != '-' && t->s[i] != '/'))
		return 0;
	sep = t->s[i];
	nb = read_number(t, i + 1, &b);
	if (sep == '-' ? nb != 2 : (nb < 1 || nb > 2))
		return 0;
	i = i + 1 + nb;
	if (i >= t->len || t->s[i] != sep)
		return 0;
	nc = read_number(t, i + 1, &c);
	if (sep == '-' ? nc != 2 : (nc < 1 || nc > 2))
		return 0;
	i = i + 1 + nc;
	if (!ends_cleanly(t, i) || (i < t->len && t->s[i] == sep))
		return 0;
	if (a < DP_YEAR_MIN || a > DP_YEAR_MAX || b < 1 || b > 12 || c < 1 || c > 31)
		return 0;
	d->form = sep == '-' ? DP_FORM_ISO : DP_FORM_NUMERIC_YMD;
	d->year = a;
	d->month = b;
	d->day = c;
	d->year_digits.start = p;
	d->year_digits.end = p + 4;
	return i;
}

/* "2011-06-09", "2011/6/9", "6/9/2011" at p (a digit). */
static size_t parse_numeric(const dp_text *t, size_t p, dp_date *d)
{
	int a, b, c;
	size_t na = read_number(t, p, &a);
	size_t i = p + na, nb, nc;

	if (na == 4)
		return parse_year_first(t, p, d);
	if (na < 1 || na > 2 || i >= t->len || t->s[i] != '/')
		return 0;
	nb = read_number(t, i + 1, &b);
	if (nb < 1 || nb > 2)
		return 0;
	i = i + 1 + nb;
	if (i >= t->len || t->s[i] != '/')
		return 0;
	nc = read_number(t, i + 1, &c);
	if (nc != 4)
		return 0;
	if (!ends_cleanly(t, i + 5) || (i + 5 < t->len && t->s[i + 5] == '/'))
		return 0;
	if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12) ||
	    c < DP_YEAR_MIN || c > DP_YEAR_MAX)
		return 0;
	d->form = DP_FORM_NUMERIC;
	d->numeric_first = a;
	d->numeric_second = b;
	d->year = c;
	d->year_digits.start = i + 1;
	d->year_digits.end = i + 5;
	if (a == b) {
		d->month = a;
		d->day = a;
	} else if (a > 12) {
		d->day = a;
		d->month = b;
	} else if (b > 12) {
		d->month = a;
		d->day = b;
	}
	return i + 5;
}

/* Characters that, right before a digit, make it part of something else
 * (a decimal, a section number "2.1", a code, an amount). */
static int glued_before_number(const char *s, size_t at)
{
	char c;

	if (at == 0)
		return 0;
	c = s[at - 1];
	return strchr(".,/-+:_#$'\\@=", c) != NULL && c != '\0';
}

static void clear_date(dp_date *d)
{
	memset(d, 0, sizeof *d);
	d->weekday = -1;
	d->end_weekday = -1;
}

/* A date that starts with a digit at k: numeric, else day first. */
static size_t parse_digits_first(const dp_text *t, size_t k, dp_date *d)
{
	size_t end = parse_numeric(t, k, d);

	if (end == 0) {
		clear_date(d);
		end = parse_day_first(t, k, d);
	}
	return end;
}

/* A date led by a weekday ("Thursday, June 9", "Monday and Tuesday, June
 * 9-10") at `at`, whose letters end at w.  Returns the index after it, or 0. */
static size_t parse_weekday_first(const dp_text *t, size_t at, size_t w, int weekday,
                                  size_t word_end, dp_date *d)
{
	size_t k = w, c, body, end, before_comma, second = 0;
	int weekday2 = -1;
	size_t word_end2 = 0;

	c = read_connector(t, w);
	if (c != 0) {
		size_t w2 = read_weekday(t, c, &weekday2, &word_end2);

		if (w2 == 0)
			return 0;
		second = c;
		k = w2;
	}
	before_comma = k;
	if (k < t->len && t->s[k] == ',')
		k++;
	body = skip_space(t, k);
	if (body == (size_t)-1 || body == before_comma)
		return 0;
	if (is_digit(t, body))
		end = parse_digits_first(t, body, d);
	else
		end = parse_month_first(t, body, 0, d);
	if (end == 0 || (weekday2 >= 0 && d->end_day == 0))
		return 0;
	d->weekday = weekday;
	d->weekday_word.start = at;
	d->weekday_word.end = word_end;
	d->end_weekday = weekday2;
	d->end_weekday_word.start = second;
	d->end_weekday_word.end = weekday2 >= 0 ? word_end2 : second;
	d->body.start = body;
	return end;
}

int dp_parse_at_in(const dp_text *t, size_t at, dp_date *out)
{
	dp_date d;
	size_t end = 0;

	if (at >= t->len || (at > 0 && is_alnum(t, at - 1)))
		return 0;
	clear_date(&d);
	if (is_digit(t, at)) {
		if (glued_before_number(t->s, at))
			return 0;
		end = parse_digits_first(t, at, &d);
	} else if (is_alpha_byte(t->s[at])) {
		int weekday;
		size_t word_end;
		size_t w = read_weekday(t, at, &weekday, &word_end);

		if (w != 0)
			end = parse_weekday_first(t, at, w, weekday, word_end, &d);
		else
			end = parse_month_first(t, at, 1, &d);
	}
	if (end == 0)
		return 0;
	d.span.start = at;
	d.span.end = end;
	if (d.weekday < 0)
		d.body.start = at;
	d.body.end = end;
	*out = d;
	return 1;
}

int dp_find_in(const dp_text *t, size_t from, dp_date *out)
{
	size_t i;

	for (i = from; i < t->len; i++) {
		if (!is_alnum(t, i) || (i > 0 && is_alnum(t, i - 1)))
			continue;
		if (dp_parse_at_in(t, i, out))
			return 1;
	}
	return 0;
}

/* A text over s[0, len) with the default spaces and no markup view. */
static dp_text plain_text(const char *s, size_t len)
{
	dp_text t = {s, len, NULL, NULL, NULL, 0};

	return t;
}

int dp_parse_at(const char *s, size_t len, size_t at, dp_date *out)
{
	dp_text t = plain_text(s, len);

	return dp_parse_at_in(&t, at, out);
}

int dp_find(const char *s, size_t len, size_t from, dp_date *out)
{
	dp_text t = plain_text(s, len);

	return dp_find_in(&t, from, out);
}

int dp_parse_whole(const char *s, size_t len, dp_date *out)
{
	dp_text t = plain_text(s, len);
	size_t i = 0, e = len, n;
	int newline;

	t.any_case = 1;
	while ((n = space_len(&t, i, &newline)) > 0)
		i += n;
	while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' ||
	                 s[e - 1] == '\r'))
		e--;
	t.len = e;
	if (!dp_parse_at_in(&t, i, out))
		return 0;
	return out->span.end == e;
}

dp_order dp_date_order(const dp_date *d)
{
	if (d->form == DP_FORM_MONTH_DAY)
		return DP_ORDER_MDY;
	if (d->form == DP_FORM_DAY_MONTH)
		return DP_ORDER_DMY;
	return DP_ORDER_NONE;
}

void dp_numeric_readings(const dp_date *d, int *month_first_ok, int *day_first_ok)
{
	*month_first_ok = dp_valid(d->year, d->numeric_first, d->numeric_second);
	*day_first_ok = dp_valid(d->year, d->numeric_second, d->numeric_first);
}

/* ---- writing dates ----------------------------------------------------- */

/* A bounded string builder: sets *ok to 0 once cap is exceeded. */
struct sink {
	char *buf;
	size_t cap;
	size_t len;
	int ok;
};

static void put(struct sink *k, const char *p, size_t n)
{
	if (!k->ok || k->len + n + 1 > k->cap) {
		k->ok = 0;
		return;
	}
	memcpy(k->buf + k->len, p, n);
	k->len += n;
	k->buf[k->len] = '\0';
}

static void put_str(struct sink *k, const char *p)
{
	put(k, p, strlen(p));
}

static void put_span(struct sink *k, const char *s, dp_span sp)
{
	put(k, s + sp.start, sp.end - sp.start);
}

static void put_month(struct sink *k, const char *s, dp_span word, int month, int full_months)
{
	if (full_months == 1)
		put_str(k, dp_month_name(month));
	else if (full_months == 0)
		put_str(k, dp_month_abbreviation(month));
	else
		put_span(k, s, word);
}

static void put_day(struct sink *k, const char *s, dp_span digits, dp_span ordinal, int day,
                    int ordinals)
{
	put_span(k, s, digits);
	if (ordinals == 1)
		put_str(k, dp_ordinal_suffix(day));
	else if (ordinals == -1)
		put_span(k, s, ordinal);
}

size_t dp_render(const char *s, const dp_date *d, dp_order order, int ordinals,
                 int full_months, char *buf, size_t cap)
{
	struct sink k = {buf, cap, 0, 1};
	dp_order written = dp_date_order(d);
	int cross = d->end_month_word.end > d->end_month_word.start;
	int of = d->of_word.end > d->of_word.start;
	size_t first;

	/* "the 9th of June" is day first and needs its ordinal */
	if (cap == 0 || written == DP_ORDER_NONE || order == DP_ORDER_NONE ||
	    (of && (order != DP_ORDER_DMY || ordinals == 0)))
		return 0;
	buf[0] = '\0';
	first = written == DP_ORDER_MDY ? d->month_word.start : d->day_digits.start;
	put(&k, s + d->span.start, first - d->span.start);
	if (order == DP_ORDER_MDY) {
		put_month(&k, s, d->month_word, d->month, full_months);
		put_str(&k, " ");
		put_day(&k, s, d->day_digits, d->day_ordinal, d->day, ordinals);
		if (d->end_day != 0) {
			put_span(&k, s, d->connector);
			if (cross) {
				put_month(&k, s, d->end_month_word, d->end_month, full_months);
				put_str(&k, " ");
			}
			put_day(&k, s, d->end_day_digits, d->end_day_ordinal, d->end_day, ordinals);
		}
		if (d->year != 0) {
			put_str(&k, ", ");
			put_span(&k, s, d->year_digits);
		}
	} else {
		put_day(&k, s, d->day_digits, d->day_ordinal, d->day, ordinals);
		if (d->end_day != 0 && !cross) {
			put_span(&k, s, d->connector);
			put_day(&k, s, d->end_day_digits, d->end_day_ordinal, d->end_day, ordinals);
		}
		put_str(&k, of ? " of " : " ");
		put_month(&k, s, d->month_word, d->month, full_months);
		if (d->end_day != 0 && cross) {
			put_span(&k, s, d->connector);
			put_day(&k, s, d->end_day_digits, d->end_day_ordinal, d->end_day, ordinals);
			put_str(&k, " ");
			put_month(&k, s, d->end_month_word, d->end_month, full_months);
		}
		if (d->year != 0) {
			put_str(&k, " ");
			put_span(&k, s, d->year_digits);
		}
	}
	return k.ok ? k.len : 0;
}

size_t dp_format_ymd(int year, int month, int day, dp_order order, char *buf, size_t cap)
{
	char digits[16];
	struct sink k = {buf, cap, 0, 1};

	if (cap == 0 || month < 1 || month > 12)
		return 0;
	buf[0] = '\0';
	if (order == DP_ORDER_DMY) {
		snprintf(digits, sizeof digits, "%d ", day);
		put_str(&k, digits);
		put_str(&k, dp_month_name(month));
		snprintf(digits, sizeof digits, " %d", year);
		put_str(&k, digits);
	} else {
		put_str(&k, dp_month_name(month));
		snprintf(digits, sizeof digits, " %d, %d", day, year);
		put_str(&k, digits);
	}
	return k.ok ? k.len : 0;
}

/* ---- calendar ---------------------------------------------------------- */

int dp_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int dp_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && dp_is_leap(year))
		return 29;
	return days[month - 1];
}

int dp_valid(int year, int month, int day)
{
	return day >= 1 && day <= dp_days_in_month(year, month);
}

long dp_day_number(int year, int month, int day)
{
	/* days from civil: shift the year to start in March */
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

int dp_weekday(int year, int month, int day)
{
	long n = dp_day_number(year, month, day);
	long w = (n + 4) % 7;   /* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w);
}

int dp_year_typo(int written, int meant)
{
	char a[8], b[8];
	int k, differ = 0, first = -1;

	if (written == meant || written < DP_YEAR_MIN || written > DP_YEAR_MAX ||
	    meant < DP_YEAR_MIN || meant > DP_YEAR_MAX)
		return 0;
	snprintf(a, sizeof a, "%d", written);
	snprintf(b, sizeof b, "%d", meant);
	for (k = 0; k < 4; k++) {
		if (a[k] != b[k]) {
			differ++;
			if (first < 0)
				first = k;
		}
	}
	if (differ == 1)
		return 1;
	return differ == 2 && first < 3 && a[first] == b[first + 1] && a[first + 1] == b[first];
}

const char *dp_month_name(int month)
{
	return month >= 1 && month <= 12 ? month_names[month - 1] : "";
}

const char *dp_month_abbreviation(int month)
{
	return month >= 1 && month <= 12 ? month_abbreviations[month - 1] : "";
}

const char *dp_weekday_name(int weekday)
{
	return weekday >= 0 && weekday <= 6 ? weekday_names[weekday] : "";
}

const char *dp_weekday_short(int weekday)
{
	return weekday >= 0 && weekday <= 6 ? weekday_shorts[weekday] : "";
}

const char *dp_ordinal_suffix(int n)
{
	if (n % 100 >= 11 && n % 100 <= 13)
		return "th";
	switch (n % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	default:
		return "th";
	}
}
