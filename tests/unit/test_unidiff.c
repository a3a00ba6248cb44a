/* test_unidiff.c - the unified diff --diff prints (src/unidiff.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "unidiff.h"

/* The diff of old into new, as a string (static buffer of the test). */
static const char *diff_of(const char *name, const char *old_text, const char *new_text)
{
	static char out[4096];
	buf b;

	buf_init(&b, 0);
	assert_int_equal(unidiff(&b, name, old_text, strlen(old_text), new_text, strlen(new_text)),
	                 0);
	assert_true(b.len < sizeof(out));
	memcpy(out, b.data ? b.data : "", b.len);
	out[b.len] = '\0';
	buf_free(&b);
	return out;
}

static void test_equal(void **unused)
{
	(void)unused;
	assert_string_equal(diff_of("a.txt", "one\ntwo\n", "one\ntwo\n"), "");
}

static void test_one_line(void **unused)
{
	(void)unused;
	assert_string_equal(diff_of("d/a.txt", "1\n2\n3\n4\nteh\n6\n7\n8\n9\n",
	                            "1\n2\n3\n4\nthe\n6\n7\n8\n9\n"),
	                    "--- a/d/a.txt\n+++ b/d/a.txt\n"
	                    "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-teh\n+the\n 6\n 7\n 8\n");
}

/* Changes more than twice the context apart are two hunks; closer, one. */
static void test_hunks(void **unused)
{
	(void)unused;
	assert_string_equal(diff_of("a", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n",
	                            "A\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n"),
	                    "--- a/a\n+++ b/a\n"
	                    "@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n d\n"
	                    "@@ -7,4 +7,4 @@\n g\n h\n i\n-j\n+J\n");
	assert_string_equal(diff_of("a", "a\nb\nc\nd\ne\nf\ng\nh\n", "A\nb\nc\nd\ne\nf\ng\nH\n"),
	                    "--- a/a\n+++ b/a\n"
	                    "@@ -1,8 +1,8 @@\n-a\n+A\n b\n c\n d\n e\n f\n g\n-h\n+H\n");
}

/* Lines added and removed, and a last line without its newline. */
static void test_lines_and_newline(void **unused)
{
	(void)unused;
	assert_string_equal(diff_of("a", "x\ny", "x\nnew\ny"),
	                    "--- a/a\n+++ b/a\n@@ -1,2 +1,3 @@\n x\n+new\n y\n"
	                    "\\ No newline at end of file\n");
	assert_string_equal(diff_of("a", "x\ny", "x\ny\n"),
	                    "--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n x\n-y\n"
	                    "\\ No newline at end of file\n+y\n");
	assert_string_equal(diff_of("a", "", "new\n"),
	                    "--- a/a\n+++ b/a\n@@ -0,0 +1,1 @@\n+new\n");
}

/* A name with a space or a byte that is not ASCII is quoted, as GNU patch reads it. */
static void test_quoted_name(void **unused)
{
	(void)unused;
	assert_string_equal(diff_of("we ird\n\"\xff.txt", "a\n", "b\n"),
	                    "--- \"a/we ird\\n\\\"\\377.txt\"\n+++ \"b/we ird\\n\\\"\\377.txt\"\n"
	                    "@@ -1,1 +1,1 @@\n-a\n+b\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_one_line),
		cmocka_unit_test(test_hunks),
		cmocka_unit_test(test_lines_and_newline),
		cmocka_unit_test(test_quoted_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
