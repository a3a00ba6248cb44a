/* test_escape.c - unit tests of escaping text for terminals and JSON and of
 * finding bidirectional controls (src/escape.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "escape.h"

/* escape_append of s[0, len) under flags, compared with want. */
static void expect_escaped(const char *s, size_t len, unsigned flags, const char *want)
{
	buf b;

	buf_init(&b, 0);
	assert_int_equal(escape_append(&b, s, len, flags), 0);
	assert_non_null(b.data);
	assert_string_equal(b.data, want);
	assert_int_equal(escape_needed(s, len, flags), b.len != len || memcmp(b.data, s, len) != 0);
	buf_free(&b);
}

static void test_controls(void **unused)
{
	(void)unused;
	/* OSC 52 (set the clipboard), erase line, a lone CR, DEL */
	expect_escaped("a\x1b]52;c;aGk=\x07z", 14, ESCAPE_CONTROLS, "a\\x1b]52;c;aGk=\\x07z");
	expect_escaped("\x1b[2K", 4, ESCAPE_CONTROLS, "\\x1b[2K");
	expect_escaped("a\rb\x7f", 4, ESCAPE_CONTROLS, "a\\x0db\\x7f");
	expect_escaped("a\nb", 3, ESCAPE_CONTROLS, "a\\x0ab");
	expect_escaped("a\0b", 3, ESCAPE_CONTROLS, "a\\x00b");
	/* a tab stays; C1 controls and separators as code points */
	expect_escaped("a\tb", 3, ESCAPE_CONTROLS, "a\tb");
	expect_escaped("\xc2\x9b" "31m", 5, ESCAPE_CONTROLS, "\\u009B31m");
	expect_escaped("a\xe2\x80\xa8", 4, ESCAPE_CONTROLS, "a\\u2028");
	/* without ESCAPE_CONTROLS they stay */
	expect_escaped("a\x1b" "b", 3, 0, "a\x1b" "b");
}

static void test_bidi(void **unused)
{
	(void)unused;
	expect_escaped("x\xe2\x80\xaey\xe2\x81\xa6z", 9, ESCAPE_CONTROLS, "x\\u202Ey\\u2066z");
	assert_true(escape_is_bidi(0x202A));
	assert_true(escape_is_bidi(0x202E));
	assert_true(escape_is_bidi(0x2066));
	assert_true(escape_is_bidi(0x2069));
	assert_false(escape_is_bidi(0x2029));
	assert_false(escape_is_bidi(0x206A));
	assert_false(escape_is_bidi(0x200F));
}

static void test_invalid_utf8(void **unused)
{
	(void)unused;
	/* a stray byte, a truncated sequence, an overlong '/', a surrogate */
	expect_escaped("a\xff" "b", 3, 0, "a\\xffb");
	expect_escaped("\xe6\x9d", 2, 0, "\\xe6\\x9d");
	expect_escaped("\xc0\xaf", 2, ESCAPE_CONTROLS, "\\xc0\\xaf");
	expect_escaped("\xed\xa0\x80", 3, 0, "\\xed\\xa0\\x80");
	/* valid text is kept as it is */
	expect_escaped("\xe6\x9d\xb1\xe2\x80\x99", 6, ESCAPE_CONTROLS, "\xe6\x9d\xb1\xe2\x80\x99");
}

static void test_widths(void **unused)
{
	char out[ESCAPE_MAX];

	(void)unused;
	assert_int_equal(escape_width('a'), 0);
	assert_int_equal(escape_width('\t'), 0);
	assert_int_equal(escape_width(0x1B), 4);
	assert_int_equal(escape_width(0x85), 6);
	assert_int_equal(escape_width(0x202E), 6);
	assert_int_equal(escape_width(0x00AD), 0);
	assert_int_equal(escape_cp(0x1B, out), 4);
	assert_memory_equal(out, "\\x1b", 4);
	assert_int_equal(escape_cp(0x202E, out), 6);
	assert_memory_equal(out, "\\u202E", 6);
	assert_int_equal(escape_cp('a', out), 0);
	assert_int_equal(escape_byte(0xFF, out), 4);
	assert_memory_equal(out, "\\xff", 4);
}

static void test_find_bidi(void **unused)
{
	static const char text[] = "ok \xe2\x80\xae" "evil\xe2\x81\xa9 \xe2\x80\x99 \xe2\x80\xaa";
	size_t offsets[2];

	(void)unused;
	assert_int_equal(escape_find_bidi_controls(text, sizeof(text) - 1, offsets, 2), 3);
	assert_int_equal(offsets[0], 3);
	assert_int_equal(offsets[1], 10);
	assert_int_equal(escape_find_bidi_controls(text, sizeof(text) - 1, NULL, 0), 3);
	assert_int_equal(escape_find_bidi_controls("plain \xe2\x80\x9c", 9, offsets, 2), 0);
	/* a truncated sequence at the end is not a control */
	assert_int_equal(escape_find_bidi_controls("a\xe2\x80", 3, offsets, 2), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_bidi),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_find_bidi),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
