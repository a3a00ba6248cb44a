/* test_position.c - unit tests of lines and columns in every unit, display
 * widths and the position cursor (src/position.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "position.h"

/* The most lines a test document has. */
#define TEST_MAX_LINES 16

/* A document of just text and lines (as the host's doc would have them). */
typedef struct test_doc {
	stmtlint_doc pub;
	stmtlint_span lines[TEST_MAX_LINES];
} test_doc;

static void make_doc(test_doc *d, const char *text, size_t len)
{
	size_t start = 0;
	size_t i;

	memset(d, 0, sizeof(*d));
	d->pub.path = "test.txt";
	d->pub.text = text;
	d->pub.length = len;
	for (i = 0; i <= len; i++) {
		if (i == len || text[i] == '\n') {
			assert_true(d->pub.n_lines < TEST_MAX_LINES);
			d->lines[d->pub.n_lines].start = start;
			d->lines[d->pub.n_lines].end = i;
			d->pub.n_lines++;
			start = i + 1;
			if (i == len)
				break;
		}
	}
	d->pub.lines = d->lines;
}

/* The position of the first "X" of text (a C string) on its own. */
static position position_of_x(const char *text)
{
	test_doc d;
	const char *x = strchr(text, 'X');

	assert_non_null(x);
	make_doc(&d, text, strlen(text));
	return position_of(&d.pub, (size_t)(x - text));
}

static void expect_x(const char *text, size_t byte, size_t cp, size_t utf16, size_t display)
{
	position p = position_of_x(text);

	assert_int_equal(p.byte_column, byte);
	assert_int_equal(p.cp_column, cp);
	assert_int_equal(p.utf16_column, utf16);
	assert_int_equal(p.display_column, display);
}

/* A code point and the display width expected of it. */
typedef struct width_case {
	uint32_t cp;
	int width;
} width_case;

static void expect_widths(int (*width)(uint32_t), const width_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (width(cases[i].cp) != cases[i].width)
			fail_msg("U+%04X: width %d, expected %d", (unsigned)cases[i].cp,
			         width(cases[i].cp), cases[i].width);
	}
}

#define EXPECT_WIDTHS(fn, cases) expect_widths(fn, cases, sizeof(cases) / sizeof((cases)[0]))

static void test_ascii(void **unused)
{
	(void)unused;
	expect_x("X", 1, 1, 1, 1);
	expect_x("abc X", 5, 5, 5, 5);
	expect_x("first\nsecond X", 8, 8, 8, 8);
	assert_int_equal(position_of_x("first\nsecond X").line, 2);
}

static void test_tab_stops(void **unused)
{
	(void)unused;
	/* as GCC: a tab goes to the next multiple of 8 (0-based), column 9, 17, … */
	expect_x("\tX", 2, 2, 2, 9);
	expect_x("abcdefg\tX", 9, 9, 9, 9);
	expect_x("abcdefgh\tX", 10, 10, 10, 17);
	expect_x("a\t\tX", 4, 4, 4, 17);
	/* after a wide character the stop counts its two columns */
	expect_x("\xe6\x9d\xb1\xe4\xba\xac" "abc\tX", 11, 7, 7, 9);   /* 東京abc<TAB> */
}

static void test_wide(void **unused)
{
	static const width_case cases[] = {
		{ 0x6771, 2 },
		{ 0x3000, 2 }, /* ideographic space */
		{ 0x1F600, 2 }, /* 😀 */
		{ 0x2019, 1 },
		{ 'a', 1 },
	};

	(void)unused;
	expect_x("\xe6\x9d\xb1\xe4\xba\xac" "X", 7, 3, 3, 5);          /* 東京 */
	expect_x("\xef\xbc\xa1X", 4, 2, 2, 3);                        /* Ａ fullwidth */
	expect_x("\xe2\x80\x9c" "a\xe2\x80\x9dX", 8, 4, 4, 4);        /* “a” narrow */
	EXPECT_WIDTHS(position_cp_width, cases);
}

static void test_combining(void **unused)
{
	static const width_case cases[] = {
		{ 0x0301, 0 },
		{ 0x20E3, 0 }, /* enclosing keycap */
	};

	(void)unused;
	expect_x("e\xcc\x81X", 4, 3, 3, 2);                           /* e + COMBINING ACUTE */
	expect_x("a\xcc\x81\xcc\xa3X", 6, 4, 4, 2);                   /* two marks */
	EXPECT_WIDTHS(position_cp_width, cases);
}

static void test_zero_width_and_format(void **unused)
{
	static const width_case cases[] = {
		{ 0x200B, 0 },
		{ 0x200C, 0 },
		{ 0x200D, 0 },
		{ 0x2060, 0 },
		{ 0xFEFF, 0 },
		{ 0xFE00, 0 },
		{ 0xFE0F, 0 },
		{ 0xE0100, 0 }, /* VS17 */
		/* format characters glibc gives width 1 */
		{ 0x0600, 0 }, /* ARABIC NUMBER SIGN */
		{ 0x110BD, 0 },
	};

	(void)unused;
	expect_x("a\xe2\x80\x8b" "bX", 6, 4, 4, 3);                   /* ZERO WIDTH SPACE */
	expect_x("a\xef\xbb\xbf" "bX", 6, 4, 4, 3);                   /* BOM inside */
	expect_x("a\xe2\x81\xa0" "bX", 6, 4, 4, 3);                   /* WORD JOINER */
	expect_x("a\xef\xb8\x8f" "bX", 6, 4, 4, 3);                   /* VS16 after a letter */
	EXPECT_WIDTHS(position_cp_width, cases);
}

static void test_soft_hyphen(void **unused)
{
	static const width_case cases[] = {
		{ 0x00AD, 0 },
	};

	(void)unused;
	expect_x("co\xc2\xad" "opX", 7, 6, 6, 5);
	EXPECT_WIDTHS(position_cp_width, cases);
}

static void test_zwj_sequence(void **unused)
{
	(void)unused;
	/* 👨‍👩‍👧 (man ZWJ woman ZWJ girl) is one glyph, two columns */
	expect_x("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7X",
	         19, 6, 9, 3);
	/* 🏳️‍🌈: a text-style flag made emoji by VS16, joined with a rainbow */
	expect_x("\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88X", 15, 5, 7,
	         1 + position_cp_width(0x1F3F3));
	/* 👍🏽: a skin-tone modifier joins its emoji */
	expect_x("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbdX", 9, 3, 5, 3);
	/* a joiner between letters (as in Indic scripts) joins nothing */
	expect_x("a\xe2\x80\x8d" "bX", 6, 4, 4, 3);
	/* nor between an emoji and a letter */
	expect_x("\xf0\x9f\x98\x80\xe2\x80\x8d" "bX", 9, 4, 5, 4);
}

static void test_invalid_bytes(void **unused)
{
	test_doc d;
	static const char text[] = "a\xff" "b\xe6\x9d" "cX";
	position p;

	(void)unused;
	make_doc(&d, text, sizeof(text) - 1);
	p = position_of(&d.pub, sizeof(text) - 2);
	/* each invalid byte is one code point, one UTF-16 unit, and is shown
	 * as \xff: four columns */
	assert_int_equal(p.byte_column, 7);
	assert_int_equal(p.cp_column, 7);
	assert_int_equal(p.utf16_column, 7);
	assert_int_equal(p.display_column, 1 + 1 + 4 + 1 + 4 + 4 + 1);
}

static void test_escaped_controls(void **unused)
{
	(void)unused;
	/* text output writes them as \x1b, \x0d, \x7f, \u0085, \u202E */
	expect_x("a\x1b" "bX", 4, 4, 4, 7);
	expect_x("a\rbX", 4, 4, 4, 7);
	expect_x("a\x7f" "bX", 4, 4, 4, 7);
	expect_x("a\xc2\x85" "bX", 5, 4, 4, 9);
	expect_x("a\xe2\x80\xae" "bX", 6, 4, 4, 9);
}

static void test_utf16_astral(void **unused)
{
	(void)unused;
	expect_x("\xf0\x9f\x98\x80X", 5, 2, 3, 3);                     /* 😀: a surrogate pair */
	expect_x("\xf0\xa0\x80\x80" "aX", 6, 3, 4, 4);                 /* U+20000, CJK ext. B */
	expect_x("\xf0\x9d\x90\x80X", 5, 2, 3, 2);                     /* 𝐀: astral, narrow */
}

static void test_fallback_widths(void **unused)
{
	static const width_case cases[] = {
		{ 'a', 1 },
		{ 0x0301, 0 },
		{ 0x00AD, 0 },
		{ 0x200B, 0 },
		{ 0xFE0F, 0 },
		{ 0x6771, 2 },
		{ 0xAC00, 2 },
		{ 0x1F600, 2 },
		{ 0x20000, 2 },
		{ 0x2019, 1 },
	};

	(void)unused;
	EXPECT_WIDTHS(position_cp_width_fallback, cases);
}

static void test_offsets_past_the_end(void **unused)
{
	test_doc d;
	static const char text[] = "ab\ncd\n";
	position p;

	(void)unused;
	make_doc(&d, text, sizeof(text) - 1);
	p = position_of(&d.pub, 2);       /* the first newline: just past "ab" */
	assert_int_equal(p.line, 1);
	assert_int_equal(p.cp_column, 3);
	p = position_of(&d.pub, 1000);    /* clamped to the end */
	assert_int_equal(p.line, 3);
	assert_int_equal(p.cp_column, 1);
	/* an offset inside a code point has that code point's column */
	make_doc(&d, "a\xe6\x9d\xb1" "b", 5);
	p = position_of(&d.pub, 2);
	assert_int_equal(p.cp_column, 2);
	assert_int_equal(p.byte_column, 2);
}

/* A line longer than several mark strides, of mixed characters. */
static char *long_line(size_t *len)
{
	static const char *const pieces[] = {
		"word ", "\t", "\xe6\x9d\xb1\xe4\xba\xac", "e\xcc\x81", "\xf0\x9f\x98\x80",
		"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", "\x1b", "\xc2\xad", "\xe2\x80\x9c",
	};
	size_t n_pieces = sizeof(pieces) / sizeof(pieces[0]);
	size_t cap = 6 * POSITION_MARK_STRIDE;
	char *s = malloc(cap + 32);
	size_t i = 0;
	size_t k = 0;

	assert_non_null(s);
	while (i < cap) {
		size_t n = strlen(pieces[k % n_pieces]);

		memcpy(s + i, pieces[k % n_pieces], n);
		i += n;
		k = k * 7 + 3;   /* a fixed, irregular order */
		k %= 1000003;
	}
	memcpy(s + i, "\nnext line\n", 11);
	*len = i + 11;
	return s;
}

static void expect_same(position a, position b)
{
	assert_int_equal(a.line, b.line);
	assert_int_equal(a.byte_column, b.byte_column);
	assert_int_equal(a.cp_column, b.cp_column);
	assert_int_equal(a.utf16_column, b.utf16_column);
	assert_int_equal(a.display_column, b.display_column);
}

/* A document of long_line() and a cursor on it. */
typedef struct long_doc {
	char *text;
	test_doc d;
	position_cursor c;
} long_doc;

static void long_doc_open(long_doc *l)
{
	size_t len;

	l->text = long_line(&len);
	make_doc(&l->d, l->text, len);
	position_cursor_init(&l->c, &l->d.pub);
}

static void long_doc_close(long_doc *l)
{
	position_cursor_free(&l->c);
	free(l->text);
}

static void test_cursor_matches_one_shot(void **unused)
{
	long_doc l;
	size_t len;
	size_t off;
	size_t step;

	(void)unused;
	long_doc_open(&l);
	len = l.d.pub.length;
	/* ascending, then backward jumps (from marks), then across lines */
	for (off = 0; off <= len; off += 37)
		expect_same(position_at(&l.c, off), position_of(&l.d.pub, off));
	assert_true(l.c.n_marks >= 5);
	for (step = 0; step < 200; step++) {
		off = (step * 7919) % (len + 1);
		expect_same(position_at(&l.c, off), position_of(&l.d.pub, off));
	}
	long_doc_close(&l);
}

static void test_seek_display(void **unused)
{
	long_doc l;
	size_t target;
	size_t width;

	(void)unused;
	long_doc_open(&l);
	width = position_line_width(&l.c, 0);
	assert_int_equal(width + 1, position_of(&l.d.pub, l.d.lines[0].end).display_column);
	for (target = 0; target < width; target += 101) {
		position_walk w = position_seek_display(&l.c, 0, target);
		position p = position_of(&l.d.pub, w.byte);

		/* the first boundary at or past the target column */
		assert_int_equal(p.display_column - 1, w.display);
		assert_true(w.display >= target);
		if (w.byte > 0)
			assert_true(position_walk_at(&l.c, w.byte - 1).display < target);
	}
	assert_int_equal(position_seek_display(&l.c, 0, width + 50).byte, l.d.lines[0].end);
	assert_int_equal(position_line_width(&l.c, 1), 9);
	long_doc_close(&l);
}

static void test_unit_names(void **unused)
{
	position p = { 1, 2, 3, 4, 5 };

	(void)unused;
	assert_int_equal(position_unit_parse("display"), POSITION_UNIT_DISPLAY);
	assert_int_equal(position_unit_parse("byte"), POSITION_UNIT_BYTE);
	assert_int_equal(position_unit_parse("codepoint"), POSITION_UNIT_CODEPOINT);
	assert_int_equal(position_unit_parse("bytes"), -1);
	assert_int_equal(position_unit_parse(""), -1);
	assert_int_equal(position_column(&p, POSITION_UNIT_BYTE), 2);
	assert_int_equal(position_column(&p, POSITION_UNIT_CODEPOINT), 3);
	assert_int_equal(position_column(&p, POSITION_UNIT_DISPLAY), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_tab_stops),
		cmocka_unit_test(test_wide),
		cmocka_unit_test(test_combining),
		cmocka_unit_test(test_zero_width_and_format),
		cmocka_unit_test(test_soft_hyphen),
		cmocka_unit_test(test_zwj_sequence),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_escaped_controls),
		cmocka_unit_test(test_utf16_astral),
		cmocka_unit_test(test_fallback_widths),
		cmocka_unit_test(test_offsets_past_the_end),
		cmocka_unit_test(test_cursor_matches_one_shot),
		cmocka_unit_test(test_seek_display),
		cmocka_unit_test(test_unit_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
