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

/* Most bytes of white space accepted between two parts of one date. */
#define DP_MAX_GAP 16
/* Years a written date may carry: four digits in this range. */
#define DP_YEAR_MIN 1000
#define DP_YEAR_MAX 2999

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

static int is_digit(const char *s, size_t len, size_t i)
{
	return i < len && s[i] >= '0' && s[i] <= '9';
}

static int is_alpha_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(const char *s, size_t len, size_t i)
{
	return i < len && (is_alpha_byte(s[i]) || (s[i] >= '0' && s[i] <= '9'));
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static char lower(char c)
{
	return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* Bytes of the white-space character at i (0 when none).  Sets *newline
 * when it is a line feed. */
static size_t space_len(const char *s, size_t len, size_t i, int *newline)
{
	const unsigned char *u = (const unsigned char *)s;

	*newline = 0;
	if (i >= len)
		return 0;
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')
		return 1;
	if (s[i] == '\n') {
		*newline = 1;
		return 1;
	}
	/* U+00A0 no-break space */
	if (i + 1 < len && u[i] == 0xC2 && u[i + 1] == 0xA0)
		return 2;
	/* U+2009 thin space, U+202F narrow no-break space */
	if (i + 2 < len && u[i] == 0xE2 && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0x89 || u[i + 2] == 0xAF))
		return 3;
	return 0;
}

/* Skips white space from i: at most DP_MAX_GAP bytes and one line feed.
 * Returns the index after it (i when there is none), or SIZE_MAX when the
 * gap is too long to join two parts of a date. */
static size_t skip_space(const char *s, size_t len, size_t i)
{
	size_t start = i;
	int newlines = 0;

	for (;;) {
		int newline;
		size_t n = space_len(s, len, i, &newline);

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
static size_t dash_len(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;

	if (i < len && s[i] == '-')
		return 1;
	if (i + 2 < len && u[i] == 0xE2 && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0x90 || u[i + 2] == 0x91 || u[i + 2] == 0x93 || u[i + 2] == 0x94))
		return 3;
	return 0;
}

/* Reads up to 5 digits at i; returns how many (5 means "too many"). */
static size_t read_number(const char *s, size_t len, size_t i, int *value)
{
	size_t n = 0;
	int v = 0;

	while (n < 5 && is_digit(s, len, i + n)) {
		v = v * 10 + (s[i + n] - '0');
		n++;
	}
	*value = v;
	return n;
}

/* Number of ASCII letters at i, at most 12 (13 means "longer"). */
static size_t read_letters(const char *s, size_t len, size_t i)
{
	size_t n = 0;

	while (n < 13 && i + n < len && is_alpha_byte(s[i + n]))
		n++;
	return n;
}

/* Whether the n letters at i equal the word w, ignoring case. */
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
static int ends_cleanly(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 1;
	if (is_alnum(s, len, i))
		return 0;
	if ((s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '/') && is_digit(s, len, i + 1))
		return 0;
	if (dash_len(s, len, i) > 0 && is_digit(s, len, i + dash_len(s, len, i)))
		return 0;
	return 1;
}

/* ---- parts of a date --------------------------------------------------- */

/* A month name at i: sets *month, *abbreviated and returns the index after
 * it (its period included), or 0. */
static size_t read_month(const char *s, size_t len, size_t i, int *month, int *abbreviated)
{
	size_t n = read_letters(s, len, i);
	size_t k;

	if (n < 3 || n > 9 || !is_name_case(s, i, n))
		return 0;
	for (k = 0; k < 12; k++) {
		if (letters_equal(s, i, n, month_names[k])) {
			*month = (int)k + 1;
			*abbreviated = 0;
			return i + n;
		}
	}
	for (k = 0; k < sizeof month_short_forms / sizeof month_short_forms[0]; k++) {
		if (letters_equal(s, i, n, month_short_forms[k].word)) {
			*month = month_short_forms[k].month;
			*abbreviated = 1;
			if (i + n < len && s[i + n] == '.')
				return i + n + 1;
			return i + n;
		}
	}
	return 0;
}

/* A weekday name at i: sets *weekday and the letters' end, returns the
 * index after it (period included), or 0. */
static size_t read_weekday(const char *s, size_t len, size_t i, int *weekday, size_t *word_end)
{
	size_t n = read_letters(s, len, i);
	size_t k;

	if (n < 3 || n > 9 || !is_name_case(s, i, n))
		return 0;
	for (k = 0; k < 7; k++) {
		if (letters_equal(s, i, n, weekday_names[k])) {
			*weekday = (int)k;
			*word_end = i + n;
			return i + n;
		}
	}
	for (k = 0; k < sizeof weekday_short_forms / sizeof weekday_short_forms[0]; k++) {
		if (letters_equal(s, i, n, weekday_short_forms[k].word)) {
			*weekday = weekday_short_forms[k].weekday;
			*word_end = i + n;
			if (i + n < len && s[i + n] == '.')
				return i + n + 1;
			return i + n;
		}
	}
	return 0;
}

/* A day of the month at i (1-31, one or two digits, maybe with an ordinal
 * suffix).  Fills the spans and returns the index after it, or 0. */
static size_t read_day(const char *s, size_t len, size_t i, int *day, dp_span *digits,
                       dp_span *ordinal)
{
	int v;
	size_t n = read_number(s, len, i, &v);
	size_t j = i + n;

	if (n < 1 || n > 2 || v < 1 || v > 31)
		return 0;
	digits->start = i;
	digits->end = j;
	ordinal->start = ordinal->end = j;
	if (j + 1 < len && !is_alnum(s, len, j + 2) &&
	    (letters_equal(s, j, 2, "st") || letters_equal(s, j, 2, "nd") ||
	     letters_equal(s, j, 2, "rd") || letters_equal(s, j, 2, "th"))) {
		ordinal->end = j + 2;
		j += 2;
	}
	if (!ends_cleanly(s, len, j) && !(dash_len(s, len, j) > 0 || (j < len && s[j] == '/')))
		return 0;
	*day = v;
	return j;
}

/* A four-digit year at i that ends cleanly; returns the index after it. */
static size_t read_year(const char *s, size_t len, size_t i, int *year)
{
	int v;
	size_t n = read_number(s, len, i, &v);

	if (n != 4 || v < DP_YEAR_MIN || v > DP_YEAR_MAX || !ends_cleanly(s, len, i + 4))
		return 0;
	*year = v;
	return i + 4;
}

/* The words or marks that join the two ends of a range: a dash, "/", "&",
 * "and", "to", "through", "until".  Returns the index of what follows
 * (after white space), or 0. */
static size_t read_connector(const char *s, size_t len, size_t i)
{
	size_t a = skip_space(s, len, i);
	size_t b, c, n;

	if (a == (size_t)-1)
		return 0;
	if (dash_len(s, len, a) > 0) {
		b = a + dash_len(s, len, a);
	} else if (a < len && (s[a] == '/' || s[a] == '&')) {
		b = a + 1;
	} else {
		n = read_letters(s, len, a);
		if (a == i || !(letters_equal(s, a, n, "and") || letters_equal(s, a, n, "to") ||
		                letters_equal(s, a, n, "through") || letters_equal(s, a, n, "until")))
			return 0;
		if (s[a] != lower(s[a]))
			return 0;
		b = a + n;
		c = skip_space(s, len, b);
		if (c == (size_t)-1 || c == b)
			return 0;
		return c;
	}
	c = skip_space(s, len, b);
	if (c == (size_t)-1)
		return 0;
	return c;
}

/* Optional ", 2011" or " 2011" after the days (white space before the
 * comma allowed: Markdown emphasis leaves blanks there); sets year and span. */
static size_t read_trailing_year(const char *s, size_t len, size_t i, int allow_comma, dp_date *d)
{
	size_t before = skip_space(s, len, i), j, k;
	int year;

	if (before == (size_t)-1)
		return i;
	j = before;
	if (allow_comma && j < len && s[j] == ',')
		j++;
	k = skip_space(s, len, j);
	if (k == (size_t)-1 || k == i || (j == before && before == i))
		return i;
	j = read_year(s, len, k, &year);
	if (j == 0)
		return i;
	d->year = year;
	d->year_digits.start = k;
	d->year_digits.end = j;
	return j;
}

/* "June 9", "June 9-10", "June 30 to July 1", each with an optional year,
 * or "June 2011".  `p` is at the month. */
static size_t parse_month_first(const char *s, size_t len, size_t p, int allow_month_year,
                                dp_date *d)
{
	int month, abbreviated, v;
	size_t q = read_month(s, len, p, &month, &abbreviated);
	size_t r, j, c;

	if (q == 0)
		return 0;
	r = skip_space(s, len, q);
	if (r == (size_t)-1 || r == q)
		return 0;
	d->month = month;
	d->end_month = month;
	d->abbreviated = abbreviated;
	d->month_word.start = p;
	d->month_word.end = q;
	if (read_number(s, len, r, &v) == 4) {
		j = read_year(s, len, r, &d->year);
		if (j == 0 || !allow_month_year)
			return 0;
		d->form = DP_FORM_MONTH_YEAR;
		d->year_digits.start = r;
		d->year_digits.end = j;
		return j;
	}
	j = read_day(s, len, r, &d->day, &d->day_digits, &d->day_ordinal);
	if (j == 0)
		return 0;
	d->form = DP_FORM_MONTH_DAY;
	c = read_connector(s, len, j);
	if (c != 0) {
		size_t e = read_day(s, len, c, &d->end_day, &d->end_day_digits, &d->end_day_ordinal);

		if (e == 0) {
			int m2, ab2;
			size_t q2 = read_month(s, len, c, &m2, &ab2);
			size_t r2 = q2 ? skip_space(s, len, q2) : 0;

			if (q2 != 0 && r2 != (size_t)-1 && r2 > q2)
				e = read_day(s, len, r2, &d->end_day, &d->end_day_digits,
				             &d->end_day_ordinal);
			if (e != 0) {
				d->end_month = m2;
				d->end_month_word.start = c;
				d->end_month_word.end = q2;
				d->abbreviated |= ab2;
			}
		}
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
	if (!ends_cleanly(s, len, j))
		return 0;
	return read_trailing_year(s, len, j, 1, d);
}

/* "9 June", "9-10 June", "30 June - 1 July", each with an optional year.
 * `p` is at the first digit. */
static size_t parse_day_first(const char *s, size_t len, size_t p, dp_date *d)
{
	size_t j = read_day(s, len, p, &d->day, &d->day_digits, &d->day_ordinal);
	size_t c, r, q;

	if (j == 0)
		return 0;
	d->form = DP_FORM_DAY_MONTH;
	/* "9-10 June": a second day before the month */
	c = read_connector(s, len, j);
	if (c != 0) {
		size_t e = read_day(s, len, c, &d->end_day, &d->end_day_digits, &d->end_day_ordinal);

		if (e != 0) {
			d->connector.start = j;
			d->connector.end = c;
			j = e;
		}
	}
	r = skip_space(s, len, j);
	if (r == (size_t)-1 || r == j)
		return 0;
	q = read_month(s, len, r, &d->month, &d->abbreviated);
	if (q == 0)
		return 0;
	d->end_month = d->month;
	d->month_word.start = r;
	d->month_word.end = q;
	j = q;
	if (d->end_day == 0) {
		/* "30 June - 1 July" */
		c = read_connector(s, len, j);
		if (c != 0) {
			int day2, m2, ab2;
			dp_span digits2, ordinal2;
			size_t e = read_day(s, len, c, &day2, &digits2, &ordinal2);
			size_t r2 = e ? skip_space(s, len, e) : 0;
			size_t q2 = (r2 != 0 && r2 != (size_t)-1 && r2 > e) ?
			            read_month(s, len, r2, &m2, &ab2) : 0;

			if (q2 != 0) {
				d->end_day = day2;
				d->end_day_digits = digits2;
				d->end_day_ordinal = ordinal2;
				d->end_month = m2;
				d->end_month_word.start = r2;
				d->end_month_word.end = q2;
				d->abbreviated |= ab2;
				d->connector.start = j;
				d->connector.end = c;
				j = q2;
			}
		}
	}
	return read_trailing_year(s, len, j, 1, d);
}

/* "2011-06-09", "2011/6/9", "6/9/2011" at p (a digit). */
static size_t parse_numeric(const char *s, size_t len, size_t p, dp_date *d)
{
	int a, b, c;
	size_t na = read_number(s, len, p, &a);
	size_t i = p + na, nb, nc;

	if (na == 4 && i < len && (s[i] == '-' || s[i] == '/')) {
		char sep = s[i];

		nb = read_number(s, len, i + 1, &b);
		if (sep == '-' ? nb != 2 : (nb < 1 || nb > 2))
			return 0;
		i = i + 1 + nb;
		if (i >= len || s[i] != sep)
			return 0;
		nc = read_number(s, len, i + 1, &c);
		if (sep == '-' ? nc != 2 : (nc < 1 || nc > 2))
			return 0;
		i = i + 1 + nc;
		if (!ends_cleanly(s, len, i) || (i < len && s[i] == sep))
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
	if (na < 1 || na > 2 || i >= len || s[i] != '/')
		return 0;
	nb = read_number(s, len, i + 1, &b);
	if (nb < 1 || nb > 2)
		return 0;
	i = i + 1 + nb;
	if (i >= len || s[i] != '/')
		return 0;
	nc = read_number(s, len, i + 1, &c);
	if (nc != 4)
		return 0;
	if (!ends_cleanly(s, len, i + 5) || (i + 5 < len && s[i + 5] == '/'))
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
}

int dp_parse_at(const char *s, size_t len, size_t at, dp_date *out)
{
	dp_date d;
	size_t end = 0, body_start = at;

	if (at >= len || (at > 0 && is_alnum(s, len, at - 1)))
		return 0;
	clear_date(&d);
	if (is_digit(s, len, at)) {
		if (glued_before_number(s, at))
			return 0;
		end = parse_numeric(s, len, at, &d);
		if (end == 0) {
			clear_date(&d);
			end = parse_day_first(s, len, at, &d);
		}
	} else if (is_alpha_byte(s[at])) {
		int weekday;
		size_t word_end;
		size_t w = read_weekday(s, len, at, &weekday, &word_end);

		if (w != 0) {
			size_t k = w;

			if (k < len && s[k] == ',')
				k++;
			k = skip_space(s, len, k);
			if (k == (size_t)-1 || k == w)
				return 0;
			body_start = k;
			if (is_digit(s, len, k)) {
				end = parse_numeric(s, len, k, &d);
				if (end == 0) {
					clear_date(&d);
					end = parse_day_first(s, len, k, &d);
				}
			}
			else
				end = parse_month_first(s, len, k, 0, &d);
			if (end == 0)
				return 0;
			d.weekday = weekday;
			d.weekday_word.start = at;
			d.weekday_word.end = word_end;
		} else {
			end = parse_month_first(s, len, at, 1, &d);
		}
	}
	if (end == 0)
		return 0;
	d.span.start = at;
	d.span.end = end;
	d.body.start = d.weekday >= 0 ? body_start : at;
	d.body.end = end;
	*out = d;
	return 1;
}

int dp_find(const char *s, size_t len, size_t from, dp_date *out)
{
	size_t i;

	for (i = from; i < len; i++) {
		if (!is_alnum(s, len, i) || (i > 0 && is_alnum(s, len, i - 1)))
			continue;
		if (dp_parse_at(s, len, i, out))
			return 1;
	}
	return 0;
}

int dp_parse_whole(const char *s, size_t len, dp_date *out)
{
	size_t i = 0, e = len;
	int newline;

	while (i < len && space_len(s, len, i, &newline) > 0)
		i += space_len(s, len, i, &newline);
	while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' ||
	                 s[e - 1] == '\r'))
		e--;
	if (!dp_parse_at(s, e, i, out))
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
	size_t first;

	if (cap == 0 || written == DP_ORDER_NONE || order == DP_ORDER_NONE)
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
		put_str(&k, " ");
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
