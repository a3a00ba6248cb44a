/*
 * test_wordiff.c - unit tests of the principles plugin's word tokenizer,
 * joiner trimming, phrase search and word-by-word difference.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <cmocka.h>

#include "../../plugins/principles/wordiff.h"
#include "host.h"

static void tokenize(wd_words *w, const char *text)
{
	wd_words_init(w);
	assert_int_equal(wd_tokenize(w, text, 0, strlen(text)), 0);
}

static void test_tokenize_words(void **unused)
{
	wd_words w;
	const char *text = "  Commerce\xE2\x80\x99s multi\xE2\x80\x93stakeholder, \xE2\x80\x9C" "free\xE2\x80\x9D 2.5 - x";

	(void)unused;
	tokenize(&w, text);
	assert_int_equal(w.n, 5);
	assert_string_equal(wd_norm(&w, 0), "Commerce's");
	assert_string_equal(wd_norm(&w, 1), "multi-stakeholder");
	assert_string_equal(wd_norm(&w, 2), "free");
	assert_string_equal(wd_norm(&w, 3), "2.5");
	assert_string_equal(wd_norm(&w, 4), "x");
	assert_int_equal(w.v[0].start, 2);
	assert_int_equal(w.v[0].end, 2 + strlen("Commerce\xE2\x80\x99s"));
	assert_memory_equal(text + w.v[1].start, "multi", 5);
	wd_words_free(&w);
}

static void test_tokenize_non_ascii_letters(void **unused)
{
	wd_words w;

	(void)unused;
	tokenize(&w, "Communiqu\xC3\xA9 \xE2\x80\x94 Deauville");
	assert_int_equal(w.n, 2);
	assert_string_equal(wd_norm(&w, 0), "Communiqu\xC3\xA9");
	assert_string_equal(wd_norm(&w, 1), "Deauville");
	wd_words_free(&w);
}

static void test_tokenize_appends_and_clears(void **unused)
{
	wd_words w;
	const char *text = "one two three";

	(void)unused;
	wd_words_init(&w);
	assert_int_equal(wd_tokenize(&w, text, 0, 3), 0);
	assert_int_equal(wd_tokenize(&w, text, 4, strlen(text)), 0);
	assert_int_equal(w.n, 3);
	assert_string_equal(wd_norm(&w, 2), "three");
	wd_words_clear(&w);
	assert_int_equal(w.n, 0);
	wd_words_free(&w);
}

/* Folding is the host's, for every letter, not only ASCII ones. */
static void test_unicode_folding(void **unused)
{
	wd_words a;
	wd_words b;

	(void)unused;
	tokenize(&a, "\xc3\x89CONOMIE du MINIST\xc3\x88RE");   /* ÉCONOMIE du MINISTÈRE */
	tokenize(&b, "\xc3\xa9conomie du minist\xc3\xa8re");   /* économie du ministère */
	assert_int_equal(a.n, 3);
	assert_int_equal(b.n, 3);
	assert_true(wd_equal_folded(&a, 0, &b, 0));
	assert_true(wd_equal_folded(&a, 2, &b, 2));
	assert_int_equal(wd_find(&a, 0, &b), 0);
	/* words of one case differ where their letters do */
	assert_false(wd_same_wording(&a, &b));
	wd_words_free(&a);
	wd_words_free(&b);
}

static void test_trim_joiner(void **unused)
{
	static const struct {
		const char *text;
		const char *kept;
	} cases[] = {
		{"flow of data;", "flow of data"},
		{"flow of information; and", "flow of information"},
		{"flow of information;  and \n", "flow of information"},
		{"various actors.", "various actors"},
		{"x, and", "x"},
		{"x or", "x"},
		{"x; or", "x"},
		{"x and", "x"},
		{"brand", "brand"},
		{"x (ICT).", "x (ICT)"},
		{"and", "and"},
		{"", ""},
	};
	size_t i;

	(void)unused;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t end = wd_trim_joiner(cases[i].text, 0, strlen(cases[i].text));

		assert_int_equal(end, strlen(cases[i].kept));
		assert_memory_equal(cases[i].text, cases[i].kept, end);
	}
}

static void test_same_wording_typography(void **unused)
{
	wd_words a;
	wd_words b;
	wd_words c;

	(void)unused;
	tokenize(&a, "Protecting Internet Freedom, specifically freedoms of expression");
	tokenize(&b, "protecting Internet   Freedom \xE2\x80\x94 specifically\n freedoms of expression");
	tokenize(&c, "Protecting internet Freedom, specifically freedoms of expression");
	assert_true(wd_same_wording(&a, &b));
	assert_false(wd_same_wording(&a, &c));
	wd_words_free(&a);
	wd_words_free(&b);
	wd_words_free(&c);
}

static void test_find_folded(void **unused)
{
	wd_words hay;
	wd_words needle;
	wd_words absent;

	(void)unused;
	tokenize(&hay, "Preserving the Open and Interoperable nature of the Internet");
	tokenize(&needle, "open and interoperable");
	tokenize(&absent, "open and free");
	assert_int_equal(wd_find(&hay, 0, &needle), 2);
	assert_int_equal(wd_find(&hay, 3, &needle), SIZE_MAX);
	assert_int_equal(wd_find(&hay, 0, &absent), SIZE_MAX);
	wd_words_free(&hay);
	wd_words_free(&needle);
	wd_words_free(&absent);
}

static void test_match_at(void **unused)
{
	wd_words hay;
	wd_words needle;
	wd_words empty;

	(void)unused;
	tokenize(&hay, "the cross\xE2\x80\x93" "border flow of information");
	tokenize(&needle, "Cross-border FLOW");
	tokenize(&empty, " ; ");
	assert_true(wd_match_at(&hay, 1, &needle));
	assert_false(wd_match_at(&hay, 0, &needle));
	assert_false(wd_match_at(&hay, 4, &needle));
	assert_false(wd_match_at(&hay, 9, &needle));
	assert_false(wd_match_at(&hay, 0, &empty));
	wd_words_free(&hay);
	wd_words_free(&needle);
	wd_words_free(&empty);
}

static void test_diff_none(void **unused)
{
	wd_words a;
	wd_words b;
	wd_hunk *hunks;
	size_t n;

	(void)unused;
	tokenize(&a, "Sharing views on building consensus");
	tokenize(&b, "sharing views on building consensus");
	assert_int_equal(wd_diff(&a, &b, 1000, &hunks, &n), WD_OK);
	assert_int_equal(n, 0);
	assert_null(hunks);
	wd_words_free(&a);
	wd_words_free(&b);
}

static void test_diff_drop_add_change(void **unused)
{
	wd_words a;
	wd_words b;
	wd_hunk *hunks;
	size_t n;

	(void)unused;
	/* agreed: a0 Protecting a1 Internet a2 Freedom a3 specifically a4 freedoms a5 of a6 expression a7 online */
	tokenize(&a, "Protecting Internet Freedom, specifically freedoms of expression online");
	/* draft: b0 Protecting b1 Internet b2 Freedom b3 freedoms b4 of b5 speech b6 online b7 always */
	tokenize(&b, "Protecting Internet Freedom, freedoms of speech online always");
	assert_int_equal(wd_diff(&a, &b, 1000, &hunks, &n), WD_OK);
	assert_int_equal(n, 3);
	/* dropped "specifically" */
	assert_int_equal(hunks[0].a_start, 3);
	assert_int_equal(hunks[0].a_end, 4);
	assert_int_equal(hunks[0].b_start, hunks[0].b_end);
	/* changed "expression" to "speech" */
	assert_int_equal(hunks[1].a_start, 6);
	assert_int_equal(hunks[1].a_end, 7);
	assert_int_equal(hunks[1].b_start, 5);
	assert_int_equal(hunks[1].b_end, 6);
	/* added "always" */
	assert_int_equal(hunks[2].a_start, hunks[2].a_end);
	assert_int_equal(hunks[2].b_start, 7);
	assert_int_equal(hunks[2].b_end, 8);
	free(hunks);
	wd_words_free(&a);
	wd_words_free(&b);
}

static void test_diff_case_inside_matters(void **unused)
{
	wd_words a;
	wd_words b;
	wd_hunk *hunks;
	size_t n;

	(void)unused;
	tokenize(&a, "Protecting Internet Freedom");
	tokenize(&b, "protecting internet Freedom");
	assert_int_equal(wd_diff(&a, &b, 1000, &hunks, &n), WD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(hunks[0].a_start, 1);
	assert_int_equal(hunks[0].a_end, 2);
	assert_int_equal(hunks[0].b_start, 1);
	assert_int_equal(hunks[0].b_end, 2);
	free(hunks);
	wd_words_free(&a);
	wd_words_free(&b);
}

static void test_diff_too_large(void **unused)
{
	wd_words a;
	wd_words b;
	wd_hunk *hunks;
	size_t n;

	(void)unused;
	tokenize(&a, "a b c d e f");
	tokenize(&b, "g h i j k l");
	assert_int_equal(wd_diff(&a, &b, 10, &hunks, &n), WD_TOO_LARGE);
	assert_null(hunks);
	assert_int_equal(wd_diff(&a, &b, 49, &hunks, &n), WD_OK);
	assert_int_equal(n, 1);
	free(hunks);
	wd_words_free(&a);
	wd_words_free(&b);
}

static void test_count_value(void **unused)
{
	(void)unused;
	assert_int_equal(wd_count_value("five", 4), 5);
	assert_int_equal(wd_count_value("Twenty", 6), 20);
	assert_int_equal(wd_count_value("12", 2), 12);
	assert_int_equal(wd_count_value("several", 7), -1);
	assert_int_equal(wd_count_value("", 0), -1);
	assert_int_equal(wd_count_value("fives", 5), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokenize_words),
		cmocka_unit_test(test_tokenize_non_ascii_letters),
		cmocka_unit_test(test_tokenize_appends_and_clears),
		cmocka_unit_test(test_unicode_folding),
		cmocka_unit_test(test_trim_joiner),
		cmocka_unit_test(test_same_wording_typography),
		cmocka_unit_test(test_find_folded),
		cmocka_unit_test(test_match_at),
		cmocka_unit_test(test_diff_none),
		cmocka_unit_test(test_diff_drop_add_change),
		cmocka_unit_test(test_diff_case_inside_matters),
		cmocka_unit_test(test_diff_too_large),
		cmocka_unit_test(test_count_value),
	};

	wd_use_host(&host_table);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
