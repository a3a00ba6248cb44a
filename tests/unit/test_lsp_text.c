/* test_lsp_text.c - unit tests of the language server's copy of a draft:
 * positions in UTF-8 and UTF-16 (surrogate pairs, the three line ends,
 * clamping), incremental edits and their refusals (src/lsp-text.c), and
 * file: URIs (src/lsp-uri.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lsp-text.h"
#include "lsp-uri.h"

/* A curly quote (3 bytes, 1 unit), a CJK character (3 bytes, 1 unit), one
 * outside the BMP (4 bytes, 2 units), then "x"; CRLF, CR and LF line ends. */
static const char text[] = "\xe2\x80\x9c\xe6\x9d\xb1\xf0\xa0\xae\xb7x\r\nab\rcd\nlast";

static size_t offset(lsp_text *t, size_t line, size_t ch, lsp_encoding enc, int *clamped)
{
	lsp_pos p = { line, ch };

	return lsp_text_offset(t, p, enc, clamped);
}

static void test_offsets(void **unused)
{
	lsp_text t;
	int clamped;

	(void)unused;
	lsp_text_init(&t, 1000);
	assert_int_equal(lsp_text_set(&t, text, sizeof(text) - 1), LSP_EDIT_OK);
	/* UTF-16: quote 1, CJK 1, astral 2 */
	assert_int_equal(offset(&t, 0, 2, LSP_UTF16, &clamped), 6);
	assert_int_equal(offset(&t, 0, 4, LSP_UTF16, &clamped), 10);
	assert_int_equal(clamped, 0);
	/* inside the surrogate pair: the code point's start */
	assert_int_equal(offset(&t, 0, 3, LSP_UTF16, &clamped), 6);
	/* UTF-8: bytes; inside a code point's bytes, its start */
	assert_int_equal(offset(&t, 0, 10, LSP_UTF8, &clamped), 10);
	assert_int_equal(offset(&t, 0, 4, LSP_UTF8, &clamped), 3);
	/* the line ends: CRLF, then a lone CR, then LF */
	assert_int_equal(offset(&t, 1, 0, LSP_UTF16, &clamped), 13);
	assert_int_equal(offset(&t, 2, 1, LSP_UTF16, &clamped), 17);
	assert_int_equal(offset(&t, 3, 4, LSP_UTF16, &clamped), 23);
	assert_int_equal(clamped, 0);
	/* past its line: the line's end; past the text: the text's end */
	assert_int_equal(offset(&t, 0, 99, LSP_UTF16, &clamped), 11);
	assert_int_equal(clamped, 1);
	assert_int_equal(offset(&t, 9, 0, LSP_UTF8, &clamped), sizeof(text) - 1);
	assert_int_equal(clamped, 1);
	lsp_text_free(&t);
}

static void test_edits(void **unused)
{
	lsp_text t;
	lsp_pos a = { 0, 4 }, b = { 1, 1 }, far = { 7, 0 };

	(void)unused;
	lsp_text_init(&t, 30);
	assert_int_equal(lsp_text_set(&t, text, sizeof(text) - 1), LSP_EDIT_OK);
	/* from after the astral character to after "a" on the next line */
	assert_int_equal(lsp_text_edit(&t, a, b, LSP_UTF16, "-", 1), LSP_EDIT_OK);
	assert_string_equal(t.data, "\xe2\x80\x9c\xe6\x9d\xb1\xf0\xa0\xae\xb7-b\rcd\nlast");
	/* an insertion past the end: appended, and said to be clamped */
	assert_int_equal(lsp_text_edit(&t, far, far, LSP_UTF8, "!", 1), LSP_EDIT_CLAMPED);
	assert_int_equal(t.data[t.len - 1], '!');
	/* a reversed range, and a text past the limit: nothing changes */
	assert_int_equal(lsp_text_edit(&t, b, a, LSP_UTF16, "x", 1), LSP_EDIT_REVERSED);
	assert_int_equal(lsp_text_edit(&t, a, a, LSP_UTF16, "0123456789abcdef", 16),
	                 LSP_EDIT_TOO_LARGE);
	assert_int_equal(t.len, 21);
	assert_int_equal(lsp_text_set(&t, "0123456789012345678901234567890", 31), LSP_EDIT_TOO_LARGE);
	/* an empty text takes edits */
	assert_int_equal(lsp_text_set(&t, "", 0), LSP_EDIT_OK);
	assert_int_equal(lsp_text_edit(&t, far, far, LSP_UTF16, "new", 3), LSP_EDIT_CLAMPED);
	assert_string_equal(t.data, "new");
	lsp_text_free(&t);
}

static void test_uris(void **unused)
{
	char *p;

	(void)unused;
	p = lsp_uri_to_path("file:///tmp/a%20b/%E6%9D%B1.txt");
	assert_string_equal(p, "/tmp/a b/\xe6\x9d\xb1.txt");
	free(p);
	p = lsp_uri_to_path("file://localhost/x.md");
	assert_string_equal(p, "/x.md");
	free(p);
	assert_null(lsp_uri_to_path("untitled:Untitled-1"));
	assert_null(lsp_uri_to_path("file://host/x.md"));
	assert_null(lsp_uri_to_path("file:///a%00b"));
	assert_null(lsp_uri_to_path("file:///a%zz"));
	p = lsp_path_to_uri("/tmp/a b/\xe6\x9d\xb1#.yaml");
	assert_string_equal(p, "file:///tmp/a%20b/%E6%9D%B1%23.yaml");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_edits),
		cmocka_unit_test(test_uris),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
