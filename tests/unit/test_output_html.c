/* test_output_html.c - unit tests of the HTML report (src/output-html.c):
 * findings out of order (as the one diag_finish() appends for the
 * per-file limit) still shown under their lines; overlapping and empty
 * ranges; messages, rules and names escaped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"
#include "doc.h"
#include "output-html.h"

static const char draft[] = "First line\nSecond <line>\nThird line\n";

/* The page for `draft` with the findings of l, as one string (caller frees). */
static char *page_of(const diag_list *l)
{
	sl_doc *doc = doc_build("a<b>.txt", draft, sizeof(draft) - 1, STMTLINT_FORMAT_TEXT);
	html_report *r = output_html_new();
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_non_null(doc);
	assert_non_null(r);
	assert_non_null(out);
	output_html_add(r, "a<b>.txt", &doc->pub, l, NULL);
	output_html_finish(r, out);
	fclose(out);
	doc_free(doc);
	return text;
}

static void test_order_and_ranges(void **unused)
{
	diag_list l;
	char *page;
	const char *first, *third, *mark;

	(void)unused;
	diag_list_init(&l);
	/* in this order on purpose: the third line's finding first */
	assert_non_null(diag_add(&l, "r/third", STMTLINT_WARNING, 25, 30, "on the third"));
	assert_non_null(diag_add(&l, "r/first", STMTLINT_ERROR, 0, 5, "on the <first>"));
	/* overlapping the first, and one of no length at the end of the second line */
	assert_non_null(diag_add(&l, "r/over", STMTLINT_NOTE, 3, 10, "over"));
	assert_non_null(diag_add(&l, "r/empty", STMTLINT_NOTE, 24, 24, "empty"));
	page = page_of(&l);
	first = strstr(page, "id=\"f1-d2\"");
	third = strstr(page, "id=\"f1-d1\"");
	assert_non_null(first);
	assert_non_null(third);
	assert_true(first < third);
	assert_true(strstr(page, "id=\"f1-l1\"") < first);
	assert_true(third > strstr(page, "id=\"f1-l3\""));
	/* the overlap: "Fir" the error's alone, "st" both, " line" the note's alone */
	mark = strstr(page, "data-findings=\"f1-d2 f1-d3\"");
	assert_non_null(mark);
	assert_non_null(strstr(page, "aria-describedby=\"f1-d2 f1-d3\">st</mark>"));
	assert_non_null(strstr(page, "class=\"sev-error\" tabindex=\"0\" data-findings=\"f1-d2\" "
	                              "aria-describedby=\"f1-d2\">Fir</mark>"));
	assert_non_null(strstr(page, "data-findings=\"f1-d4\" aria-describedby=\"f1-d4\"></mark>"));
	/* escaped: the draft's text, the message, the name */
	assert_non_null(strstr(page, "Second &lt;line&gt;"));
	assert_non_null(strstr(page, "on the &lt;first&gt;"));
	assert_non_null(strstr(page, "a&lt;b&gt;.txt"));
	assert_null(strstr(page, "<line>"));
	assert_null(strstr(page, "<first>"));
	free(page);
	diag_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_and_ranges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
