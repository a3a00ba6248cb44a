/* test_diag.c - unit tests of diagnostics storage, ordering and
 * de-duplication (src/diag.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"

static void add(diag_list *l, const char *rule, stmtlint_severity sev, size_t start, size_t end,
                const char *msg)
{
	assert_non_null(diag_add(l, rule, sev, start, end, msg));
}

static void test_sort_order(void **unused)
{
	diag_list l;

	(void)unused;
	diag_list_init(&l);
	add(&l, "b/x", STMTLINT_NOTE, 10, 12, "later note");          /* seq 0 */
	add(&l, "z", STMTLINT_WARNING, 5, 6, "warning z");            /* seq 1 */
	add(&l, "a", STMTLINT_WARNING, 5, 9, "warning a");            /* seq 2 */
	add(&l, "m", STMTLINT_ERROR, 5, 5, "error m");                /* seq 3 */
	add(&l, "a", STMTLINT_WARNING, 5, 7, "warning a again");      /* seq 4 */
	add(&l, "c", STMTLINT_NOTE, 0, 1, "first");                   /* seq 5 */
	diag_sort(&l);
	assert_int_equal(l.n, 6);
	/* by start */
	assert_string_equal(l.items[0]->message, "first");
	/* at 5: error first, then warnings by rule, then by arrival */
	assert_string_equal(l.items[1]->message, "error m");
	assert_string_equal(l.items[2]->message, "warning a");
	assert_string_equal(l.items[3]->message, "warning a again");
	assert_string_equal(l.items[4]->message, "warning z");
	assert_string_equal(l.items[5]->message, "later note");
	assert_int_equal(l.items[5]->start, 10);
	assert_int_equal(l.items[5]->end, 12);
	diag_list_free(&l);
	assert_int_equal(l.n, 0);
	assert_null(l.items);
}

static void test_duplicates_removed(void **unused)
{
	diag_list l;

	(void)unused;
	diag_list_init(&l);
	add(&l, "r", STMTLINT_WARNING, 3, 8, "same");
	add(&l, "r", STMTLINT_WARNING, 3, 9, "same");       /* other range: kept */
	add(&l, "q", STMTLINT_WARNING, 3, 8, "same");       /* other rule: kept */
	add(&l, "r", STMTLINT_WARNING, 3, 8, "other");      /* other message: kept */
	add(&l, "r", STMTLINT_WARNING, 3, 8, "same");       /* duplicate */
	add(&l, "r", STMTLINT_ERROR, 3, 8, "same");         /* duplicate at another severity */
	add(&l, "r", STMTLINT_WARNING, 4, 8, "same");       /* other start: kept */
	diag_sort(&l);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.items[0]->rule, "r");
	assert_int_equal(l.items[0]->severity, STMTLINT_ERROR);
	assert_string_equal(l.items[1]->rule, "q");
	assert_string_equal(l.items[2]->message, "same");
	assert_int_equal(l.items[2]->end, 9);
	assert_string_equal(l.items[3]->message, "other");
	assert_int_equal(l.items[4]->start, 4);
	diag_list_free(&l);
}

static void test_notes_and_fixes(void **unused)
{
	diag_list l;
	struct stmtlint_diag *d;

	(void)unused;
	diag_list_init(&l);
	d = diag_add(&l, "r", STMTLINT_WARNING, 9, 4, "backwards");
	assert_non_null(d);
	assert_int_equal(d->end, 9);   /* an end before the start is clamped */
	assert_int_equal(diag_add_note(d, 1, 2, "see here"), 0);
	assert_int_equal(diag_add_fix(d, 9, 10, "x", NULL, "012345678y"), 0);
	assert_int_equal(diag_add_fix(NULL, 9, 10, "x", NULL, "012345678y"), 0);
	assert_int_equal(d->n_notes, 1);
	assert_string_equal(d->notes[0].message, "see here");
	assert_int_equal(d->n_fixes, 1);
	assert_string_equal(d->fixes[0].replacement, "x");
	assert_string_equal(d->fixes[0].title, "Replace \u2018y\u2019 with \u2018x\u2019");
	diag_list_free(&l);
}

/* Titles made from the edit, and a plugin's own. */
static void test_fix_titles(void **unused)
{
	const char *text = "\u2022 (3) Third item.";
	diag_list l;
	struct stmtlint_diag *d;

	(void)unused;
	diag_list_init(&l);
	d = diag_add(&l, "r", STMTLINT_WARNING, 0, 3, "m");
	assert_int_equal(diag_add_fix(d, 0, 3, "-", NULL, text), 0);
	assert_int_equal(diag_add_fix(d, 3, 8, "", NULL, text), 0);
	assert_int_equal(diag_add_fix(d, 8, 8, ":", NULL, text), 0);
	assert_int_equal(diag_add_fix(d, 8, 8, ":", "Add the colon", text), 0);
	assert_string_equal(d->fixes[0].title, "Replace \u2018\u2022\u2019 with \u2018-\u2019");
	assert_string_equal(d->fixes[1].title, "Delete \u2018 (3) \u2019");
	assert_string_equal(d->fixes[2].title, "Insert \u2018:\u2019");
	assert_string_equal(d->fixes[3].title, "Add the colon");
	diag_list_free(&l);
}

/* On "• (3) Third item." the bullets fix replaces the "•" and the
 * item-form fix deletes "• (3) " through the same bytes: applying both
 * would corrupt the line, so the later one is only a suggestion. */
static void test_fix_overlap(void **unused)
{
	const char *text = "\u2022 (3) Third item.";
	diag_list l;
	struct stmtlint_diag *bullet;
	struct stmtlint_diag *form;
	struct stmtlint_diag *later;
	struct stmtlint_diag *touching;

	(void)unused;
	diag_list_init(&l);
	form = diag_add(&l, "structure/item-form", STMTLINT_WARNING, 0, 8, "item written as a bullet");
	bullet = diag_add(&l, "structure/bullets", STMTLINT_WARNING, 0, 3, "bullet");
	later = diag_add(&l, "x/insert", STMTLINT_NOTE, 12, 12, "two insertions at one place");
	touching = diag_add(&l, "x/touch", STMTLINT_NOTE, 8, 12, "ends where the insertion is");
	diag_add_fix(form, 0, 8, "", NULL, text);
	diag_add_fix(bullet, 0, 3, "-", NULL, text);
	diag_add_fix(later, 12, 12, "A", NULL, text);
	diag_add_fix(later, 14, 14, "B", NULL, text);
	diag_add_fix(touching, 8, 12, "Fourth", NULL, text);
	diag_finish(&l, "limit", STMTLINT_NOTE);
	/* sorted: bullets (0-3) before item-form (0-8) by rule name */
	assert_string_equal(l.items[0]->rule, "structure/bullets");
	assert_false(l.items[0]->fixes[0].conflict);
	assert_string_equal(l.items[1]->rule, "structure/item-form");
	assert_true(l.items[1]->fixes[0].conflict);
	/* a replacement ending where an insertion is does not overlap it */
	assert_string_equal(l.items[2]->rule, "x/touch");
	assert_false(l.items[2]->fixes[0].conflict);
	assert_string_equal(l.items[3]->rule, "x/insert");
	assert_false(l.items[3]->fixes[0].conflict);
	diag_list_free(&l);

	/* two insertions at one place, and a finding's fixes fall together */
	diag_list_init(&l);
	bullet = diag_add(&l, "a", STMTLINT_WARNING, 5, 5, "first");
	form = diag_add(&l, "b", STMTLINT_WARNING, 5, 5, "second");
	diag_add_fix(bullet, 5, 5, "x", NULL, text);
	diag_add_fix(form, 1, 2, "y", NULL, text);
	diag_add_fix(form, 5, 5, "z", NULL, text);
	diag_finish(&l, "limit", STMTLINT_NOTE);
	assert_false(l.items[0]->fixes[0].conflict);
	assert_true(l.items[1]->fixes[0].conflict);   /* clean alone, but its sibling clashes */
	assert_true(l.items[1]->fixes[1].conflict);
	diag_list_free(&l);
}

/* A guessed fix (the word a misspelling most probably meant) never keeps a
 * certain fix that overlaps it from being applied, and stays a guess. */
static void test_fix_guess(void **unused)
{
	const char *text = "We saw goverment providefunds.";
	diag_list l;
	struct stmtlint_diag *guess;
	struct stmtlint_diag *certain;

	(void)unused;
	diag_list_init(&l);
	guess = diag_add(&l, "spelling", STMTLINT_WARNING, 7, 16, "unknown word");
	certain = diag_add(&l, "z/certain", STMTLINT_WARNING, 7, 16, "same place");
	diag_add_guess(guess, 7, 16, "government", NULL, text);
	diag_add_fix(certain, 7, 16, "governance", NULL, text);
	diag_finish(&l, "limit", STMTLINT_NOTE);
	assert_string_equal(l.items[0]->rule, "spelling");
	assert_true(l.items[0]->fixes[0].guess);
	assert_false(l.items[0]->fixes[0].conflict);
	/* the certain fix after it is still applicable */
	assert_false(l.items[1]->fixes[0].guess);
	assert_false(l.items[1]->fixes[0].conflict);
	diag_list_free(&l);
}

/* Past the cap: findings are counted, the worst are kept, and one note
 * says how many were not shown (the header's promise). */
static void test_cap(void **unused)
{
	diag_list l;
	size_t i;

	(void)unused;
	diag_list_init(&l);
	l.limit = 100;
	for (i = 0; i < 100; i++)
		assert_non_null(diag_add(&l, "r", STMTLINT_NOTE, i, i, "m"));
	/* a note more is dropped, but counted */
	assert_null(diag_add(&l, "r", STMTLINT_NOTE, 500, 500, "one too many"));
	/* an error replaces a note: the worst findings are the ones kept */
	assert_non_null(diag_add(&l, "r", STMTLINT_ERROR, 7000, 7001, "June 31"));
	assert_null(diag_add(&l, "r", STMTLINT_NOTE, 600, 600, "another"));
	assert_int_equal(l.n, 100);
	assert_int_equal(diag_count(&l, STMTLINT_NOTE), 102);
	assert_int_equal(diag_count(&l, STMTLINT_ERROR), 1);
	assert_int_equal(diag_worst(&l), STMTLINT_ERROR);
	diag_list_release_evicted(&l);
	diag_finish(&l, "limit", STMTLINT_NOTE);
	assert_int_equal(l.n, 101);
	/* the error is still there, and the last finding is the one note */
	assert_int_equal(l.items[99]->severity, STMTLINT_ERROR);
	assert_string_equal(l.items[100]->rule, "limit");
	assert_string_equal(l.items[100]->message,
	                    "3 more findings not shown (0 errors, 0 warnings, 3 notes): the limit "
	                    "is 100 per file; they count in the summary and the exit status");
	/* at the first finding not shown: the evicted note at offset 99 */
	assert_int_equal(l.items[100]->start, 99);
	diag_list_free(&l);

	/* the default cap */
	diag_list_init(&l);
	for (i = 0; i < DIAG_MAX_PER_FILE; i++)
		assert_non_null(diag_add(&l, "r", STMTLINT_WARNING, i, i, "m"));
	assert_null(diag_add(&l, "r", STMTLINT_NOTE, 0, 0, "one too many"));
	assert_int_equal(l.n, DIAG_MAX_PER_FILE);
	assert_int_equal(diag_count(&l, STMTLINT_NOTE), 1);
	diag_list_free(&l);
}

static void test_severity_parse(void **unused)
{
	(void)unused;
	assert_int_equal(severity_parse("off", -1), STMTLINT_OFF);
	assert_int_equal(severity_parse("false", -1), STMTLINT_OFF);
	assert_int_equal(severity_parse("note", -1), STMTLINT_NOTE);
	assert_int_equal(severity_parse("warning", -1), STMTLINT_WARNING);
	assert_int_equal(severity_parse("error", -1), STMTLINT_ERROR);
	assert_int_equal(severity_parse("on", -1), -1);
	assert_int_equal(severity_parse("on", 77), 77);
	assert_int_equal(severity_parse("true", 77), 77);
	assert_int_equal(severity_parse("Error", -1), -1);
	assert_int_equal(severity_parse("", -1), -1);
	assert_string_equal(severity_name(STMTLINT_ERROR), "error");
	assert_string_equal(severity_name(STMTLINT_WARNING), "warning");
	assert_string_equal(severity_name(STMTLINT_NOTE), "note");
}

/* A guess (suggest(), ABI 1.2) is never applicable, and never in the way
 * of a certain fix it overlaps. */
static void test_guess_fixes(void **unused)
{
	static const char text[] = "We recieve teh plan.";
	diag_list l;
	struct stmtlint_diag *spelling;
	struct stmtlint_diag *typo;

	(void)unused;
	diag_list_init(&l);
	spelling = diag_add(&l, "spelling/word", STMTLINT_WARNING, 3, 10, "misspelt");
	typo = diag_add(&l, "typo/the", STMTLINT_WARNING, 3, 14, "two words");
	assert_int_equal(diag_add_guess(spelling, 3, 10, "receive", NULL, text), 0);
	assert_int_equal(diag_add_guess(spelling, 3, 10, "relieve", NULL, text), 0);
	assert_int_equal(diag_add_fix(typo, 3, 14, "receive the", NULL, text), 0);
	assert_int_equal(diag_add_guess(NULL, 3, 10, "x", NULL, text), 0);
	diag_finish(&l, "limit", STMTLINT_NOTE);
	assert_string_equal(l.items[0]->rule, "spelling/word");
	assert_true(l.items[0]->fixes[0].guess);
	assert_true(l.items[0]->fixes[1].guess);
	assert_false(DIAG_FIX_APPLICABLE(&l.items[0]->fixes[0]));
	assert_string_equal(l.items[0]->fixes[1].title, "Replace \u2018recieve\u2019 with \u2018relieve\u2019");
	/* the later certain fix over the same words is still applicable */
	assert_string_equal(l.items[1]->rule, "typo/the");
	assert_false(l.items[1]->fixes[0].guess);
	assert_false(l.items[1]->fixes[0].conflict);
	assert_true(DIAG_FIX_APPLICABLE(&l.items[1]->fixes[0]));
	diag_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_order),
		cmocka_unit_test(test_duplicates_removed),
		cmocka_unit_test(test_notes_and_fixes),
		cmocka_unit_test(test_fix_titles),
		cmocka_unit_test(test_fix_overlap),
		cmocka_unit_test(test_guess_fixes),
		cmocka_unit_test(test_fix_guess),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_severity_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
