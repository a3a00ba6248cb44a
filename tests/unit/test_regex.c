/* test_regex.c - unit tests of patterns run under limits (src/regex.c): the
 * steps of pattern work counted against a draft's budget. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "regex.h"

typedef struct fixture {
	struct stmtlint_regex *re;
	pcre2_match_data *md;
	pcre2_match_context *mc;
} fixture;

static int setup(void **state)
{
	static fixture f;
	buf err;

	buf_init(&err, 4096);
	/* at each "1": an exponential search for a 'b' that is not there */
	f.re = regex_compile("(?<count>\\d)(?:(a+)+b)?", 0, "t.yaml:1:1", &err);
	buf_free(&err);
	f.md = pcre2_match_data_create(8, NULL);
	f.mc = regex_match_context();
	if (f.re == NULL || f.md == NULL || f.mc == NULL)
		return -1;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	regex_free(f->re);
	pcre2_match_data_free(f->md);
	pcre2_match_context_free(f->mc);
	return 0;
}

static const char subject[] = "1aaaaaaaaaa 1aaaaaaaaaa 1aaaaaaaaaa";

/* Within budget the pattern matches, and its steps are counted. */
static void test_steps_counted(void **state)
{
	fixture *f = *state;
	regex_budget b = { 0, 0 };
	size_t ov[4];

	regex_budget_for(&b, strlen(subject));
	assert_int_equal(b.limit, REGEX_WORK_BASE + REGEX_WORK_PER_BYTE * strlen(subject));
	assert_int_equal(regex_exec(f->re, f->md, f->mc, &b, subject, strlen(subject), 0, ov, 2), 2);
	assert_int_equal(ov[0], 0);
	assert_int_equal(ov[1], 1);
	/* ten a's: hundreds of steps of backtracking, and one for the call */
	assert_true(b.spent > 500);
	assert_true(b.spent < 100000);
}

/* A budget that runs out in the middle of a match stops it; later calls
 * stop before matching; steps never pass the limit. */
static void test_budget_spent(void **state)
{
	fixture *f = *state;
	regex_budget b = { 0, 300 };
	size_t ov[4];

	assert_int_equal(regex_exec(f->re, f->md, f->mc, &b, subject, strlen(subject), 0, ov, 2),
	                 REGEX_BUDGET_SPENT);
	assert_int_equal(b.spent, 300);
	assert_int_equal(regex_exec(f->re, f->md, f->mc, &b, subject, strlen(subject), 12, ov, 2),
	                 REGEX_BUDGET_SPENT);
	assert_int_equal(b.spent, 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_steps_counted),
		cmocka_unit_test(test_budget_spent),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
