/* test_utf8.c - unit tests of strict UTF-8 decoding and counting (src/utf8.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "utf8.h"

/* Decodes all of s and expects one code point of strlen(s) bytes. */
static void expect_one(const char *s, uint32_t want)
{
	uint32_t cp = 0;

	assert_int_equal(utf8_decode(s, strlen(s), &cp), strlen(s));
	assert_int_equal(cp, want);
}

static void expect_invalid(const char *s, size_t len)
{
	uint32_t cp = 0x1234;

	assert_int_equal(utf8_decode(s, len, &cp), 0);
	assert_int_equal(cp, 0x1234);   /* untouched on failure */
}

static void test_decode_valid(void **unused)
{
	(void)unused;
	expect_one("A", 0x41);
	expect_one("\x7F", 0x7F);
	expect_one("\xC2\x80", 0x80);
	expect_one("\xC3\xA9", 0xE9);                /* é */
	expect_one("\xDF\xBF", 0x7FF);
	expect_one("\xE0\xA0\x80", 0x800);
	expect_one("\xE2\x80\xA2", 0x2022);          /* • */
	expect_one("\xED\x9F\xBF", 0xD7FF);          /* last before the surrogates */
	expect_one("\xEE\x80\x80", 0xE000);          /* first after them */
	expect_one("\xEF\xBF\xBD", 0xFFFD);
	expect_one("\xF0\x90\x80\x80", 0x10000);
	expect_one("\xF0\x9F\x98\x80", 0x1F600);     /* 😀 */
	expect_one("\xF4\x8F\xBF\xBF", 0x10FFFF);
}

static void test_decode_reads_one_code_point(void **unused)
{
	uint32_t cp = 0;

	(void)unused;
	assert_int_equal(utf8_decode("\xC3\xA9x", 3, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_decode("", 0, &cp), 0);
}

static void test_decode_rejects_overlong(void **unused)
{
	(void)unused;
	expect_invalid("\xC0\x80", 2);
	expect_invalid("\xC1\xBF", 2);
	expect_invalid("\xE0\x80\x80", 3);
	expect_invalid("\xE0\x9F\xBF", 3);
	expect_invalid("\xF0\x80\x80\x80", 4);
	expect_invalid("\xF0\x8F\xBF\xBF", 4);
}

static void test_decode_rejects_surrogates(void **unused)
{
	(void)unused;
	expect_invalid("\xED\xA0\x80", 3);   /* U+D800 */
	expect_invalid("\xED\xBF\xBF", 3);   /* U+DFFF */
}

static void test_decode_rejects_above_max(void **unused)
{
	(void)unused;
	expect_invalid("\xF4\x90\x80\x80", 4);   /* U+110000 */
	expect_invalid("\xF5\x80\x80\x80", 4);
	expect_invalid("\xFF", 1);
}

static void test_decode_rejects_truncated_and_stray(void **unused)
{
	(void)unused;
	expect_invalid("\xC3", 1);
	expect_invalid("\xE2\x80", 2);
	expect_invalid("\xF0\x9F\x98", 3);
	expect_invalid("\x80", 1);                /* a lone continuation byte */
	expect_invalid("\xC3\x41", 2);            /* lead byte, then ASCII */
	expect_invalid("\xE2\x80\x41", 3);
}

static void test_next_and_prev(void **unused)
{
	const char *s = "a\xC3\xA9\xFF" "b";
	uint32_t cp = 0;
	size_t start = 99;

	(void)unused;
	assert_int_equal(utf8_next(s + 3, 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_prev(s, 3, &start), 0xE9);
	assert_int_equal(start, 1);
	assert_int_equal(utf8_prev(s, 4, &start), 0xFFFD);
	assert_int_equal(start, 3);
	assert_int_equal(utf8_prev(s, 1, &start), 'a');
	assert_int_equal(start, 0);
}

static void test_count(void **unused)
{
	const char *s = "a\xC3\xA9\xE2\x80\xA2\xF0\x9F\x98\x80z";   /* a é • 😀 z */

	(void)unused;
	assert_int_equal(utf8_count(s, strlen(s)), 5);
	assert_int_equal(utf8_count(s, 1), 1);
	assert_int_equal(utf8_count("", 0), 0);
	/* each invalid byte counts as one */
	assert_int_equal(utf8_count("a\xFF\xFE" "b", 4), 4);
	assert_int_equal(utf8_count("\xE2\x80", 2), 2);
}

static void test_count_utf16(void **unused)
{
	const char *s = "a\xC3\xA9\xE2\x80\xA2\xF0\x9F\x98\x80z";

	(void)unused;
	/* the astral 😀 takes two UTF-16 units */
	assert_int_equal(utf8_count_utf16(s, strlen(s)), 6);
	assert_int_equal(utf8_count_utf16("\xF4\x8F\xBF\xBF", 4), 2);
	assert_int_equal(utf8_count_utf16("\xEF\xBF\xBD", 3), 1);
	assert_int_equal(utf8_count_utf16("a\xFF", 2), 2);
}

static void test_encode_round_trip(void **unused)
{
	static const uint32_t cps[] = { 0x24, 0xA2, 0x20AC, 0x10348, 0x10FFFF };
	char out[4];
	size_t i;

	(void)unused;
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		uint32_t back = 0;
		size_t n = utf8_encode(cps[i], out);

		assert_int_equal(n, i + 1 < 4 ? i + 1 : 4);
		assert_int_equal(utf8_decode(out, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
}

static void test_classes(void **unused)
{
	(void)unused;
	assert_true(utf8_is_wordchar('a'));
	assert_true(utf8_is_wordchar('7'));
	assert_true(utf8_is_wordchar(0xE9));
	assert_true(utf8_is_wordchar(0x65E5));    /* 日 */
	assert_false(utf8_is_wordchar('-'));
	assert_false(utf8_is_wordchar(0x2019));   /* ’ */
	assert_false(utf8_is_wordchar(0x3002));   /* 。 */
	assert_true(utf8_is_space(0xA0));
	assert_true(utf8_is_space(0x3000));
	assert_false(utf8_is_space('x'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_reads_one_code_point),
		cmocka_unit_test(test_decode_rejects_overlong),
		cmocka_unit_test(test_decode_rejects_surrogates),
		cmocka_unit_test(test_decode_rejects_above_max),
		cmocka_unit_test(test_decode_rejects_truncated_and_stray),
		cmocka_unit_test(test_next_and_prev),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_count_utf16),
		cmocka_unit_test(test_encode_round_trip),
		cmocka_unit_test(test_classes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
