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
	assert_int_equal(diag_add_fix(d, 9, 10, "x"), 0);
	assert_int_equal(diag_add_fix(NULL, 9, 10, "x"), 0);
	assert_int_equal(d->n_notes, 1);
	assert_string_equal(d->notes[0].message, "see here");
	assert_int_equal(d->n_fixes, 1);
	assert_string_equal(d->fixes[0].replacement, "x");
	diag_list_free(&l);
}

static void test_cap(void **unused)
{
	diag_list l;
	size_t i;

	(void)unused;
	diag_list_init(&l);
	for (i = 0; i < DIAG_MAX_PER_FILE; i++)
		assert_non_null(diag_add(&l, "r", STMTLINT_NOTE, i, i, "m"));
	assert_null(diag_add(&l, "r", STMTLINT_NOTE, 0, 0, "one too many"));
	assert_int_equal(l.n, DIAG_MAX_PER_FILE);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_order),
		cmocka_unit_test(test_duplicates_removed),
		cmocka_unit_test(test_notes_and_fixes),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_severity_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
