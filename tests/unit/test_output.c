/* test_output.c - unit tests of text and JSON output with strings that are
 * not valid UTF-8 or hold control characters (src/output.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jansson.h>

#include "output.h"

static const char draft[] = "Title\n\nSigned on 5/27/2011 here.\n";

/* A finding over the date, whose message, note and fix-it (as a plugin
 * could write them) hold an invalid byte and a control sequence. */
static void add_hostile_finding(diag_list *l)
{
	size_t start = (size_t)(strstr(draft, "5/27") - draft);
	struct stmtlint_diag *d;

	d = diag_add(l, "test/rule", STMTLINT_WARNING, start, start + 9, "bad \xff message \x1b[2K");
	assert_non_null(d);
	assert_int_equal(diag_add_note(d, start, start + 1, "note \xfe"), 0);
	assert_int_equal(diag_add_fix(d, start, start + 9, "fix\xff\x07", NULL, draft), 0);
}

static sl_doc *build_doc(const char *path)
{
	sl_doc *doc = doc_build(path, draft, sizeof(draft) - 1, STMTLINT_FORMAT_TEXT);

	assert_non_null(doc);
	return doc;
}

/* Expects obj[key] to be the string want (and to be there at all). */
static void expect_json_string(const json_t *obj, const char *key, const char *want)
{
	const json_t *value = json_object_get(obj, key);

	assert_non_null(value);
	assert_true(json_is_string(value));
	assert_string_equal(json_string_value(value), want);
}

static void test_json_strings_stay(void **unused)
{
	sl_doc *doc = build_doc("bad\xffname.txt");
	diag_list l;
	json_report *r = output_json_new();
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	json_t *root;
	json_t *file;
	json_t *diag;
	json_error_t error;

	(void)unused;
	assert_non_null(r);
	assert_non_null(out);
	diag_list_init(&l);
	add_hostile_finding(&l);
	output_json_add(r, doc->pub.path, &doc->pub, &l);
	output_json_finish(r, out, 1, 0, 1, 0);
	fclose(out);
	root = json_loads(text, 0, &error);
	assert_non_null(root);
	file = json_array_get(json_object_get(root, "files"), 0);
	expect_json_string(file, "path", "bad\\xffname.txt");
	diag = json_array_get(json_object_get(file, "diagnostics"), 0);
	expect_json_string(diag, "message", "bad \\xff message \x1b[2K");
	expect_json_string(json_array_get(json_object_get(diag, "notes"), 0), "message", "note \\xfe");
	expect_json_string(json_array_get(json_object_get(diag, "fixes"), 0), "replacement",
	                   "fix\\xff\x07");
	json_decref(root);
	free(text);
	diag_list_free(&l);
	doc_free(doc);
}

static void test_text_escapes(void **unused)
{
	sl_doc *doc = build_doc("ctl\x1b]0;x\x07.txt");
	diag_list l;
	output_opts o = { 0, POSITION_UNIT_DISPLAY };
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	(void)unused;
	assert_non_null(out);
	diag_list_init(&l);
	add_hostile_finding(&l);
	output_text(out, &o, &doc->pub, &l);
	fclose(out);
	assert_non_null(text);
	assert_string_equal(text,
	                    "ctl\\x1b]0;x\\x07.txt:3:11: warning: bad \\xff message \\x1b[2K [test/rule]\n"
	                    "    3 | Signed on 5/27/2011 here.\n"
	                    "      |           ^~~~~~~~~\n"
	                    "      |           fix\\xff\\x07\n"
	                    "ctl\\x1b]0;x\\x07.txt:3:11: note: note \\xfe\n"
	                    "    3 | Signed on 5/27/2011 here.\n"
	                    "      |           ^\n");
	free(text);
	diag_list_free(&l);
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_strings_stay),
		cmocka_unit_test(test_text_escapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
