/* test_yamltree.c - unit tests of the YAML reader (src/yamltree.c) that
 * configurations, profiles, rule data and front matter all go through:
 * flow collections nested too deep are refused before libyaml loads them,
 * a second document is an error, and a file over the fixed size limit says
 * which limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "fileio.h"
#include "scratch.h"
#include "yamltree.h"

/* prefix, then `depth` copies of `open`, middle, `depth` copies of `close`,
 * suffix; a new string. */
static char *nest(const char *prefix, char open, size_t depth, const char *middle, char close,
                  const char *suffix)
{
	size_t lp = strlen(prefix);
	size_t lm = strlen(middle);
	size_t ls = strlen(suffix);
	char *s = malloc(lp + 2 * depth + lm + ls + 1);
	char *p = s;

	assert_non_null(s);
	memcpy(p, prefix, lp);
	p += lp;
	memset(p, open, depth);
	p += depth;
	memcpy(p, middle, lm);
	p += lm;
	memset(p, close, depth);
	p += depth;
	memcpy(p, suffix, ls + 1);
	return s;
}

/* Parses text as "f.yaml"; returns the document (or NULL) and leaves any
 * error in err. */
/* The errors as compilers print them (a static buffer, valid until the
 * next call). */
static const char *text_of(const errlist *err)
{
	static buf text;

	buf_free(&text);
	buf_init(&text, 0);
	errlist_format(err, &text);
	return text.data != NULL ? text.data : "";
}

static yt_doc *parse(const char *text, errlist *err)
{
	errlist_init(err);
	return yt_parse("f.yaml", text, strlen(text), 0, err);
}

/* YT_MAX_DEPTH flow levels load; one more is refused at the bracket that
 * passes the limit, with its line and column. */
static void test_flow_depth_limit(void **unused)
{
	char *ok = nest("", '[', YT_MAX_DEPTH, "", ']', "\n");
	char *deep = nest("rules:\n  x: ", '[', YT_MAX_DEPTH + 1, "a", ']', "\n");
	errlist err;
	yt_doc *doc;

	(void)unused;
	doc = parse(ok, &err);
	assert_non_null(doc);
	assert_int_equal(doc->root->kind, STMTLINT_NODE_SEQUENCE);
	yt_free(doc);
	errlist_free(&err);

	doc = parse(deep, &err);
	assert_null(doc);
	assert_int_not_equal(err.n, 0);
	/* "  x: " is 5 columns: bracket 65 is at column 70 */
	assert_string_equal(text_of(&err), "f.yaml:2:70: error: YAML flow collections ('[', '{') nested "
	                              "deeper than 64 levels [config]\n");
	errlist_free(&err);
	free(ok);
	free(deep);
}

/* 20 KB of '{': refused at once (libyaml alone takes seconds on it, and
 * minutes on 200 KB). */
static void test_flow_depth_huge(void **unused)
{
	char *deep = nest("a: ", '{', 20000, "", '}', "\n");
	errlist err;

	(void)unused;
	assert_null(parse(deep, &err));
	assert_non_null(strstr(text_of(&err), "f.yaml:1:68: error: YAML flow collections"));
	errlist_free(&err);
	free(deep);
}

/* Brackets in quoted and plain scalars, block scalars and comments are
 * text, not nesting: none of these is refused. */
static void test_flow_brackets_as_text(void **unused)
{
	char *single = nest("a: '", '[', 1000, "", '{', "'\n");
	char *dbl = nest("a: \"", '{', 1000, "", '[', "\"\n");
	char *plain = nest("a: x ", '[', 1000, "", '{', "\n");
	char *comment = nest("a: 1 # ", '[', 1000, "", '{', "\n");
	char *block = nest("a: |\n  ", '[', 1000, "", '{', "\n");
	char *texts[] = { single, dbl, plain, comment, block };
	size_t i;

	(void)unused;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		errlist err;
		yt_doc *doc = parse(texts[i], &err);

		assert_non_null(doc);
		assert_int_equal(err.n, 0);
		yt_free(doc);
		errlist_free(&err);
		free(texts[i]);
	}
}

/* A second document is an error at its start; a closing "..." is not. */
static void test_second_document(void **unused)
{
	errlist err;
	yt_doc *doc;

	(void)unused;
	doc = parse("rules:\n  structure: on\n---\nrules:\n  dates: off\n", &err);
	assert_null(doc);
	assert_int_not_equal(err.n, 0);
	assert_string_equal(text_of(&err), "f.yaml:3:1: error: a second YAML document starts here; "
	                              "the file must hold one [config]\n");
	errlist_free(&err);

	doc = parse("---\nrules:\n  structure: on\n...\n", &err);
	assert_non_null(doc);
	assert_int_equal(err.n, 0);
	yt_free(doc);
	errlist_free(&err);
}

/* A file over YT_MAX_FILE_SIZE names that limit, not --max-file-size
 * (which is for drafts). */
static void test_file_size_limit(void **unused)
{
	char dir[512];
	char *big = malloc(YT_MAX_FILE_SIZE + 2);
	const char *path;
	errlist err;

	(void)unused;
	assert_non_null(big);
	memset(big, '#', YT_MAX_FILE_SIZE + 1);
	big[YT_MAX_FILE_SIZE + 1] = '\0';
	assert_int_equal(scratch_dir_make(dir, sizeof(dir), "yamltree"), 0);
	path = scratch_write(dir, "big.yaml", big);
	assert_non_null(path);
	errlist_init(&err);
	assert_null(yt_load_file(path, &err));
	assert_int_not_equal(err.n, 0);
	assert_non_null(strstr(text_of(&err), "big.yaml: error: file is 4194305 bytes, larger than the "
	                                 "limit of 4194304 bytes for configurations, profiles and "
	                                 "rule data [config]\n"));
	assert_null(strstr(text_of(&err), "--max-file-size"));
	errlist_free(&err);
	assert_int_equal(scratch_dir_remove(dir), 0);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flow_depth_limit),
		cmocka_unit_test(test_flow_depth_huge),
		cmocka_unit_test(test_flow_brackets_as_text),
		cmocka_unit_test(test_second_document),
		cmocka_unit_test(test_file_size_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
