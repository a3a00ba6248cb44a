/* test_suppress.c - unit tests of suppression comments (src/suppress.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "doc.h"
#include "suppress.h"

static const char draft[] =
	"Title\n"                                                  /* 0 */
	"<!-- stmtlint-disable structure -->\n"                    /* 1 */
	"a\n"                                                      /* 2 */
	"<!-- stmtlint-enable structure -->\n"                     /* 3 */
	"b\n"                                                      /* 4 */
	"<!-- stmtlint-disable-next-line dates/weekday -->\n"      /* 5 */
	"\n"                                                       /* 6 */
	"   \n"                                                    /* 7 */
	"c\n"                                                      /* 8 */
	"d <!-- stmtlint-disable dates, principles/agreed -->\n"   /* 9 */
	"e\n"                                                      /* 10 */
	"<!-- stmtlint-enable -->\n"                               /* 11 */
	"f\n"                                                      /* 12 */
	"<!-- a comment that names stmtlint-disable -->\n"         /* 13 */
	"<!-- stmtlint-disable -->\n"                              /* 14 */
	"g\n";                                                     /* 15 */

typedef struct fixture {
	sl_doc *doc;
	suppress_set set;
} fixture;

static int setup(void **state)
{
	static fixture f;

	f.doc = doc_build("t.md", draft, strlen(draft), STMTLINT_FORMAT_MARKDOWN);
	if (f.doc == NULL || suppress_scan(&f.doc->pub, &f.set) != 0)
		return -1;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	suppress_free(&f->set);
	doc_free(f->doc);
	return 0;
}

static void test_scan_found(void **state)
{
	fixture *f = *state;
	const suppression *s = f->set.items;

	assert_int_equal(f->set.n, 5);
	assert_string_equal(s[0].rule, "structure");
	assert_int_equal(s[0].first_line, 1);
	assert_int_equal(s[0].last_line, 3);
	assert_memory_equal(draft + s[0].offset, "structure", s[0].length);
	assert_int_equal(s[0].length, 9);
	assert_string_equal(s[1].rule, "dates/weekday");
	assert_int_equal(s[1].first_line, 8);
	assert_int_equal(s[1].last_line, 8);
	assert_string_equal(s[2].rule, "dates");
	assert_string_equal(s[3].rule, "principles/agreed");
	assert_int_equal(s[3].first_line, 9);
	assert_int_equal(s[3].last_line, 11);
	assert_string_equal(s[4].rule, "");
	assert_int_equal(s[4].first_line, 14);
	assert_int_equal(s[4].last_line, (size_t)-1);
}

static void test_disable_enable_range(void **state)
{
	fixture *f = *state;

	assert_false(suppress_match(&f->set, "structure", 0));
	assert_true(suppress_match(&f->set, "structure", 1));
	assert_true(suppress_match(&f->set, "structure", 2));
	assert_true(suppress_match(&f->set, "structure", 3));
	assert_false(suppress_match(&f->set, "structure", 4));
	assert_false(suppress_match(&f->set, "dates", 2));
}

static void test_plugin_matches_its_checks(void **state)
{
	fixture *f = *state;

	assert_true(suppress_match(&f->set, "structure/bullets", 2));
	assert_false(suppress_match(&f->set, "structure/bullets", 4));
	/* a plugin whose id merely starts with "structure" is another plugin */
	assert_false(suppress_match(&f->set, "structures", 2));
	assert_false(suppress_match(&f->set, "structures/x", 2));
	/* a check does not silence its plugin's other checks, nor the plugin */
	assert_true(suppress_match(&f->set, "dates/weekday", 8));
	assert_false(suppress_match(&f->set, "dates/style", 8));
	assert_false(suppress_match(&f->set, "dates", 8));
}

static void test_next_line_skips_blank_lines(void **state)
{
	fixture *f = *state;

	assert_false(suppress_match(&f->set, "dates/weekday", 5));
	assert_false(suppress_match(&f->set, "dates/weekday", 6));
	assert_false(suppress_match(&f->set, "dates/weekday", 7));
	assert_true(suppress_match(&f->set, "dates/weekday", 8));
	/* line 9 has its own "dates" range; line 4 is before the comment */
	assert_false(suppress_match(&f->set, "dates/weekday", 4));
	assert_false(suppress_match(&f->set, "dates/style", 8));
}

static void test_list_and_bare_enable(void **state)
{
	fixture *f = *state;

	assert_true(suppress_match(&f->set, "dates/range", 9));
	assert_true(suppress_match(&f->set, "dates", 10));
	assert_true(suppress_match(&f->set, "principles/agreed", 10));
	assert_false(suppress_match(&f->set, "principles/terms", 10));
	/* a bare enable ends every open range */
	assert_false(suppress_match(&f->set, "dates", 12));
	assert_false(suppress_match(&f->set, "principles/agreed", 12));
}

static void test_all_rules(void **state)
{
	fixture *f = *state;

	assert_false(suppress_match(&f->set, "encoding", 13));
	assert_true(suppress_match(&f->set, "encoding", 14));
	assert_true(suppress_match(&f->set, "anything/at-all", 15));
	assert_true(suppress_match(&f->set, "structure", 1000));
}

static void test_no_comments(void **unused)
{
	sl_doc *d = doc_build("t.txt", "Plain text.\n", 12, STMTLINT_FORMAT_TEXT);
	suppress_set set;

	(void)unused;
	assert_non_null(d);
	assert_int_equal(suppress_scan(&d->pub, &set), 0);
	assert_int_equal(set.n, 0);
	assert_false(suppress_match(&set, "structure", 0));
	suppress_free(&set);
	doc_free(d);
}

/* The Markdown draft `text`, read and scanned into *set; the caller frees
 * both. */
static sl_doc *scan_markdown(const char *text, suppress_set *set)
{
	sl_doc *d = doc_build("t.md", text, strlen(text), STMTLINT_FORMAT_MARKDOWN);

	assert_non_null(d);
	assert_int_equal(suppress_scan(&d->pub, set), 0);
	return d;
}

/* Each range ends at the first enable after it that names its rule or none;
 * an enable before it, or of another rule, does not end it; a line inside a
 * long range is silenced although a shorter suppression starts after the
 * range does. */
static void test_ranges_end_at_first_enable(void **unused)
{
	static const char text[] =
		"Title\n"                                                               /* 0 */
		"<!-- stmtlint-enable dates --><!-- stmtlint-disable dates -->\n"       /* 1 */
		"a\n"                                                                   /* 2 */
		"<!-- stmtlint-disable-next-line dates -->\n"                          /* 3 */
		"b\n"                                                                   /* 4 */
		"<!-- stmtlint-enable dates -->\n"                                      /* 5 */
		"c\n"                                                                   /* 6 */
		"<!-- stmtlint-disable dates --><!-- stmtlint-enable structure -->\n"   /* 7 */
		"<!-- stmtlint-disable-next-line dates -->\n"                          /* 8 */
		"d\n"                                                                   /* 9 */
		"e\n"                                                                   /* 10 */
		"<!-- stmtlint-enable -->\n"                                            /* 11 */
		"f\n";                                                                  /* 12 */
	suppress_set set;
	sl_doc *d = scan_markdown(text, &set);

	(void)unused;
	assert_int_equal(set.n, 4);
	assert_int_equal(set.items[0].first_line, 1);
	assert_int_equal(set.items[0].last_line, 5);
	assert_int_equal(set.items[2].first_line, 7);
	assert_int_equal(set.items[2].last_line, 11);
	assert_false(suppress_match(&set, "dates", 0));
	assert_true(suppress_match(&set, "dates", 2));
	assert_true(suppress_match(&set, "dates/weekday", 4));
	assert_true(suppress_match(&set, "dates", 5));
	assert_false(suppress_match(&set, "dates", 6));
	assert_true(suppress_match(&set, "dates", 9));
	assert_true(suppress_match(&set, "dates", 10));
	assert_false(suppress_match(&set, "dates", 12));
	assert_false(suppress_match(&set, "structure", 2));
	suppress_free(&set);
	doc_free(d);
}

/* Checks the hits of the first four suppressions of set. */
static void assert_hits(const suppress_set *set, size_t h0, size_t h1, size_t h2, size_t h3)
{
	assert_int_equal(set->items[0].hits, h0);
	assert_int_equal(set->items[1].hits, h1);
	assert_int_equal(set->items[2].hits, h2);
	assert_int_equal(set->items[3].hits, h3);
}

/* Each finding counts in every suppression that silences it: the range
 * around it, a nested next-line comment, a comment of every rule; not in a
 * range that ended before it, nor in one of another rule. */
static void test_hits_counted(void **unused)
{
	static const char text[] =
		"Title\n"                                                   /* 0 */
		"<!-- stmtlint-disable structure -->\n"                     /* 1 */
		"a\n"                                                       /* 2 */
		"<!-- stmtlint-disable-next-line structure -->\n"           /* 3 */
		"b\n"                                                       /* 4 */
		"<!-- stmtlint-enable structure -->\n"                      /* 5 */
		"<!-- stmtlint-disable dates -->\n"                         /* 6 */
		"c\n"                                                       /* 7 */
		"<!-- stmtlint-disable -->\n"                               /* 8 */
		"d\n";                                                      /* 9 */
	suppress_set set;
	sl_doc *d = scan_markdown(text, &set);

	(void)unused;
	assert_int_equal(set.n, 4);
	assert_true(suppress_match(&set, "structure/bullets", 2));
	assert_hits(&set, 1, 0, 0, 0);
	assert_true(suppress_match(&set, "structure/bullets", 4));
	assert_hits(&set, 2, 1, 0, 0);
	/* after the enable: not silenced, nothing counted */
	assert_false(suppress_match(&set, "structure", 7));
	assert_hits(&set, 2, 1, 0, 0);
	/* the dates range and the bare comment both silence line 9 */
	assert_true(suppress_match(&set, "dates/weekday", 9));
	assert_hits(&set, 2, 1, 1, 1);
	assert_true(suppress_match(&set, "structure", 9));
	assert_hits(&set, 2, 1, 1, 2);
	suppress_free(&set);
	doc_free(d);
}

/* A word that starts with "stmtlint-" but is no directive is kept for a
 * note; in code, or not first in the comment, it is not. */
static void test_unknown_directives(void **unused)
{
	static const char text[] =
		"# Title\n"
		"<!-- stmtlint-disabel structure -->\n"
		"<!-- stmtlint-ignore -->\n"
		"<!-- says stmtlint-disable -->\n"
		"```\n"
		"<!-- stmtlint-disable-line dates -->\n"
		"```\n"
		"<!-- stmtlint-disable dates -->\n";
	suppress_set set;
	sl_doc *d = scan_markdown(text, &set);

	(void)unused;
	assert_int_equal(set.n, 1);
	assert_int_equal(set.n_unknown, 2);
	assert_memory_equal(text + set.unknown[0].offset, "stmtlint-disabel ", 17);
	assert_int_equal(set.unknown[0].length, 16);
	assert_memory_equal(text + set.unknown[1].offset, "stmtlint-ignore ", 16);
	assert_int_equal(set.unknown[1].length, 15);
	assert_false(set.items[0].next_line);
	suppress_free(&set);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan_found),
		cmocka_unit_test(test_disable_enable_range),
		cmocka_unit_test(test_plugin_matches_its_checks),
		cmocka_unit_test(test_next_line_skips_blank_lines),
		cmocka_unit_test(test_list_and_bare_enable),
		cmocka_unit_test(test_all_rules),
		cmocka_unit_test(test_no_comments),
		cmocka_unit_test(test_ranges_end_at_first_enable),
		cmocka_unit_test(test_hits_counted),
		cmocka_unit_test(test_unknown_directives),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
