/* test_doc.c - unit tests of the document model (src/doc.c): lines,
 * positions, encoding issues, blocks of text and Markdown drafts, the prose
 * view, front matter, words and sentences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc.h"

static sl_doc *build(const char *text, stmtlint_doc_format format)
{
	sl_doc *d = doc_build(format == STMTLINT_FORMAT_MARKDOWN ? "t.md" : "t.txt", text,
	                      strlen(text), format);

	assert_non_null(d);
	assert_int_equal(d->pub.length, strlen(d->pub.text));
	return d;
}

/* Asserts that span s of d's text is exactly `want`. */
static void assert_span(const sl_doc *d, stmtlint_span s, const char *want)
{
	assert_true(s.end >= s.start);
	assert_int_equal(s.end - s.start, strlen(want));
	assert_memory_equal(d->pub.text + s.start, want, strlen(want));
}

static size_t offset_of(const sl_doc *d, const char *needle)
{
	const char *p = strstr(d->pub.text, needle);

	assert_non_null(p);
	return (size_t)(p - d->pub.text);
}

/* Whether d's prose is blank (spaces and newlines) over [start, end). */
static int prose_blank(const sl_doc *d, size_t start, size_t end)
{
	size_t i;

	for (i = start; i < end; i++)
		if (d->pub.prose[i] != ' ' && d->pub.prose[i] != '\n')
			return 0;
	return 1;
}

/* ---- lines and positions ---------------------------------------------- */

static void test_lines_lf(void **unused)
{
	sl_doc *d;

	(void)unused;
	d = build("a\nbc", STMTLINT_FORMAT_TEXT);
	assert_int_equal(d->pub.n_lines, 2);
	assert_int_equal(d->pub.lines[0].start, 0);
	assert_int_equal(d->pub.lines[0].end, 1);
	assert_int_equal(d->pub.lines[1].start, 2);
	assert_int_equal(d->pub.lines[1].end, 4);
	assert_int_equal(d->crlf, 0);
	doc_free(d);

	/* a final newline ends the last line and opens no new one */
	d = build("a\nbc\n", STMTLINT_FORMAT_TEXT);
	assert_int_equal(d->pub.n_lines, 2);
	assert_int_equal(d->pub.lines[1].end, 4);
	doc_free(d);

	d = build("a\n\n", STMTLINT_FORMAT_TEXT);
	assert_int_equal(d->pub.n_lines, 2);
	assert_int_equal(d->pub.lines[1].start, 2);
	assert_int_equal(d->pub.lines[1].end, 2);
	doc_free(d);

	d = build("", STMTLINT_FORMAT_TEXT);
	assert_int_equal(d->pub.n_lines, 1);
	assert_int_equal(d->pub.lines[0].end, 0);
	assert_int_equal(d->pub.n_blocks, 0);
	doc_free(d);
}

static void test_lines_crlf(void **unused)
{
	sl_doc *d;

	(void)unused;
	d = build("one\r\ntwo\r\nthree", STMTLINT_FORMAT_TEXT);
	assert_int_equal(d->pub.n_lines, 3);
	assert_span(d, d->pub.lines[0], "one");
	assert_span(d, d->pub.lines[1], "two");
	assert_span(d, d->pub.lines[2], "three");
	assert_int_equal(d->crlf, 1);
	/* the \r is not prose either */
	assert_int_equal(d->pub.prose[3], ' ');
	doc_free(d);
}

/* A lone CR ends a line as LF and CRLF do (old Mac files, some editors'
 * exports); the line's span leaves it out, and prose shows it as a newline. */
static void test_lines_lone_cr(void **unused)
{
	sl_doc *d;
	size_t line;
	size_t col;

	(void)unused;
	d = build("one\rtwo\r\nthree\nfour\r", STMTLINT_FORMAT_TEXT);
	assert_int_equal(d->pub.n_lines, 4);
	assert_span(d, d->pub.lines[0], "one");
	assert_span(d, d->pub.lines[1], "two");
	assert_span(d, d->pub.lines[2], "three");
	assert_span(d, d->pub.lines[3], "four");
	assert_int_equal(d->pub.lines[1].start, 4);
	assert_int_equal(d->pub.lines[2].start, 9);
	assert_int_equal(d->pub.prose[3], '\n');
	assert_int_equal(d->pub.prose[7], ' ');    /* the CR of CRLF */
	assert_int_equal(d->pub.prose[8], '\n');
	doc_position(&d->pub, offset_of(d, "two"), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	doc_position(&d->pub, offset_of(d, "four") + 2, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 3);
	doc_free(d);

	/* blank lines between CRs part blocks */
	d = build("Title\r\r1. One:\r\rText.\r\r3. Three:\r", STMTLINT_FORMAT_TEXT);
	assert_int_equal(d->pub.n_lines, 7);
	assert_int_equal(d->pub.n_blocks, 4);
	assert_int_equal(d->pub.blocks[1].kind, STMTLINT_BLOCK_SECTION);
	assert_int_equal(d->pub.blocks[1].value, 1);
	assert_int_equal(d->pub.blocks[3].kind, STMTLINT_BLOCK_SECTION);
	assert_int_equal(d->pub.blocks[3].value, 3);
	assert_span(d, d->pub.blocks[3].span, "3. Three:");
	doc_free(d);
}

static void test_bom_skipped(void **unused)
{
	sl_doc *d;
	size_t line;
	size_t col;

	(void)unused;
	d = build("\xEF\xBB\xBFHello.\n", STMTLINT_FORMAT_TEXT);
	assert_int_equal(d->bom, 3);
	assert_int_equal(d->pub.length, 7);
	assert_string_equal(d->pub.text, "Hello.\n");
	doc_position(&d->pub, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	assert_int_equal(d->n_issues, 0);
	doc_free(d);
}

static void test_position_code_points(void **unused)
{
	/* line 1: é • x   line 2: a b 😀 c */
	sl_doc *d = build("\xC3\xA9\xE2\x80\xA2 x\nab\xF0\x9F\x98\x80" "c\n", STMTLINT_FORMAT_TEXT);
	size_t line = 0;
	size_t col = 0;

	(void)unused;
	doc_position(&d->pub, offset_of(d, "x"), &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 4);
	doc_position(&d->pub, offset_of(d, "c"), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 4);
	doc_position(&d->pub, offset_of(d, "ab"), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	/* the end of the last line, just before its newline */
	doc_position(&d->pub, d->pub.length - 1, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 5);
	/* an offset past the end is clamped to the end */
	doc_position(&d->pub, d->pub.length + 100, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 6);
	assert_int_equal(doc_line_of(&d->pub, offset_of(d, "c")), 1);
	assert_int_equal(doc_line_of(&d->pub, 0), 0);
	doc_free(d);
}

static void test_invalid_utf8(void **unused)
{
	sl_doc *d = build("ab\xFF" "cd\n\xC3\xA9 ok \xE0\x80\x80.\n", STMTLINT_FORMAT_TEXT);
	size_t line;
	size_t col;

	(void)unused;
	assert_int_equal(d->n_issues, 2);   /* 0xFF, then the overlong E0 80 80 as one */
	assert_string_equal(d->issues[0].rule, "encoding");
	assert_int_equal(d->issues[0].severity, STMTLINT_ERROR);
	assert_int_equal(d->issues[0].start, 2);
	assert_int_equal(d->issues[0].end, 3);
	assert_non_null(strstr(d->issues[0].message, "0xFF"));
	assert_int_equal(d->pub.text[2], '?');
	assert_memory_equal(d->pub.text, "ab?cd\n\xC3\xA9 ok ???.\n", d->pub.length);
	assert_int_equal(d->issues[1].start, 12);
	assert_int_equal(d->issues[1].end, 15);
	assert_non_null(strstr(d->issues[1].message, "bytes 0xE0 0x80 0x80 (an overlong encoding)"));
	doc_position(&d->pub, d->issues[1].start, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 6);
	doc_free(d);
}

static void test_invalid_utf8_capped(void **unused)
{
	char text[64];
	sl_doc *d;
	size_t i;

	(void)unused;
	/* 30 runs of one bad byte each */
	for (i = 0; i < 30; i++) {
		text[2 * i] = '\xFE';
		text[2 * i + 1] = ' ';
	}
	text[60] = '\0';
	d = build(text, STMTLINT_FORMAT_TEXT);
	/* DOC_MAX_ENCODING_ISSUES, then one summary issue */
	assert_int_equal(d->n_issues, DOC_MAX_ENCODING_ISSUES + 1);
	assert_int_equal(d->issues[DOC_MAX_ENCODING_ISSUES].start, 2 * DOC_MAX_ENCODING_ISSUES);
	assert_non_null(strstr(d->issues[DOC_MAX_ENCODING_ISSUES].message, "10 more"));
	doc_free(d);
}

/* ---- blocks of a plain-text draft -------------------------------------- */

static const char sample[] =
	"Joint Press Statement on the Test Dialogue\n"
	"\n"
	"The Second Meeting\n"
	"\n"
	"June 11th, 2011\n"
	"\n"
	"The U.S. Government met Japan on June 9. They agreed.\n"
	"\n"
	"1. Use of ICT:\n"
	"\n"
	"(2) Cloud computing:\n"
	"\n"
	"- Sharing best practices; and\n"
	" - Initiating a dialogue.\n"
	"\xE2\x80\xA2 Sharing updates.\n"
	"- (3) Promoting discussions.\n";

static void test_blocks_text(void **unused)
{
	sl_doc *d = build(sample, STMTLINT_FORMAT_TEXT);
	const stmtlint_block *b = d->pub.blocks;

	(void)unused;
	assert_int_equal(d->pub.n_blocks, 10);
	assert_int_equal(d->n_issues, 0);

	assert_int_equal(b[0].kind, STMTLINT_BLOCK_TITLE);
	assert_int_equal(d->pub.title, 0);
	assert_span(d, b[0].content, "Joint Press Statement on the Test Dialogue");

	assert_int_equal(b[1].kind, STMTLINT_BLOCK_HEADING);
	assert_span(d, b[1].content, "The Second Meeting");

	assert_int_equal(b[2].kind, STMTLINT_BLOCK_DATELINE);
	assert_int_equal(d->pub.dateline, 2);
	assert_int_equal(b[2].first_line, 4);

	assert_int_equal(b[3].kind, STMTLINT_BLOCK_PARAGRAPH);
	assert_int_equal(b[3].section, -1);

	assert_int_equal(b[4].kind, STMTLINT_BLOCK_SECTION);
	assert_int_equal(b[4].value, 1);
	assert_span(d, b[4].marker, "1.");
	assert_span(d, b[4].number, "1.");
	assert_span(d, b[4].content, "Use of ICT:");
	assert_int_equal(b[4].first_line, 8);

	assert_int_equal(b[5].kind, STMTLINT_BLOCK_ITEM);
	assert_int_equal(b[5].value, 2);
	assert_span(d, b[5].marker, "(2)");
	assert_span(d, b[5].content, "Cloud computing:");
	assert_int_equal(b[5].section, 4);

	assert_int_equal(b[6].kind, STMTLINT_BLOCK_BULLET);
	assert_int_equal(b[6].bullet, '-');
	assert_int_equal(b[6].depth, 0);
	assert_int_equal(b[6].value, 0);
	assert_int_equal(b[6].number.end - b[6].number.start, 0);
	assert_span(d, b[6].marker, "-");
	assert_span(d, b[6].content, "Sharing best practices; and");
	assert_int_equal(b[6].section, 4);

	assert_int_equal(b[7].kind, STMTLINT_BLOCK_BULLET);
	assert_int_equal(b[7].depth, 1);
	assert_span(d, b[7].content, "Initiating a dialogue.");

	assert_int_equal(b[8].kind, STMTLINT_BLOCK_BULLET);
	assert_int_equal(b[8].bullet, 0x2022);
	assert_int_equal(b[8].depth, 0);
	assert_span(d, b[8].marker, "\xE2\x80\xA2");

	assert_int_equal(b[9].kind, STMTLINT_BLOCK_BULLET);
	assert_int_equal(b[9].bullet, '-');
	assert_int_equal(b[9].value, 3);
	assert_span(d, b[9].number, "(3)");
	assert_span(d, b[9].content, "Promoting discussions.");
	doc_free(d);
}

static void test_words_and_sentences(void **unused)
{
	sl_doc *d = build("The U.S. Government met Japan on June 9. They agreed.\n"
	                  "\n"
	                  "Commerce\xE2\x80\x99s multi-stakeholder plan, e.g. this one.\n",
	                  STMTLINT_FORMAT_TEXT);
	const stmtlint_span *w = d->pub.words;
	const stmtlint_span *s = d->pub.sentences;

	(void)unused;
	/* "U.S." is not a sentence end; "e.g." is not either */
	assert_int_equal(d->pub.n_sentences, 3);
	assert_span(d, s[0], "The U.S. Government met Japan on June 9.");
	assert_span(d, s[1], "They agreed.");
	assert_span(d, s[2], "Commerce\xE2\x80\x99s multi-stakeholder plan, e.g. this one.");

	/* The U S Government met Japan on June 9 They agreed = 11 words; then
	 * Commerce’s multi-stakeholder plan e g this one = 7 */
	assert_int_equal(d->pub.n_words, 18);
	assert_span(d, w[0], "The");
	assert_span(d, w[1], "U");
	assert_span(d, w[2], "S");
	assert_span(d, w[8], "9");
	assert_span(d, w[11], "Commerce\xE2\x80\x99s");
	assert_span(d, w[12], "multi-stakeholder");
	assert_span(d, w[13], "plan");
	doc_free(d);
}

/* ---- the memory budget of the model -------------------------------------- */

/* `count` copies of `line`, as a new string. */
static char *repeat(const char *line, size_t count)
{
	size_t n = strlen(line);
	char *s = malloc(n * count + 1);
	size_t i;

	assert_non_null(s);
	for (i = 0; i < count; i++)
		memcpy(s + i * n, line, n);
	s[n * count] = '\0';
	return s;
}

/* A draft of 600,000 one-word bullets (2.4 MB) would need a model of about
 * 96 MB (a block, a line, a word and a sentence of 160 bytes for each 4 bytes
 * of text): it is refused with one [input] error where the budget ran out,
 * and nothing is modelled. */
static void test_model_budget_refuses(void **unused)
{
	char *text = repeat("- a\n", 600000);
	sl_doc *d = build(text, STMTLINT_FORMAT_TEXT);
	size_t budget = DOC_MODEL_BYTES_PER_BYTE * strlen(text) + DOC_MODEL_MIN_BUDGET;

	(void)unused;
	assert_true(d->refused);
	assert_int_equal(d->pub.n_blocks, 0);
	assert_int_equal(d->pub.n_words, 0);
	assert_int_equal(d->pub.n_sentences, 0);
	assert_int_equal(d->n_issues, 1);
	assert_string_equal(d->issues[0].rule, "input");
	assert_int_equal(d->issues[0].severity, STMTLINT_ERROR);
	assert_non_null(strstr(d->issues[0].message, "not checked"));
	/* at the start of the bullet whose block passed the budget */
	assert_true(d->issues[0].start > 0 && d->issues[0].start < d->pub.length);
	assert_int_equal(d->pub.text[d->issues[0].start - 1], '\n');
	assert_true(d->issues[0].start / 4 * (sizeof(stmtlint_span) + sizeof(stmtlint_block)) < budget);
	/* positions still work up to there */
	assert_true(d->pub.n_lines > d->issues[0].start / 4);
	doc_free(d);
	free(text);
}

/* The same size of ordinary prose is modelled in full. */
static void test_model_budget_prose(void **unused)
{
	char *text = repeat("The participants shared views on the necessity for strong "
	                    "partnerships between both sides.\n\n", 25000);
	sl_doc *d = build(text, STMTLINT_FORMAT_TEXT);

	(void)unused;
	assert_false(d->refused);
	assert_int_equal(d->n_issues, 0);
	assert_int_equal(d->pub.n_blocks, 25000);
	assert_int_equal(d->pub.n_sentences, 25000);
	doc_free(d);
	free(text);
}

/* ---- why bytes are not prose -------------------------------------------- */

static const char nonprose_draft[] =
	"---\n"
	"title: \"Joint Statement\"\n"
	"---\n"
	"# Joint Statement\n"
	"\n"
	"Run `make` and see [the site](https://example.org/a) or www.example.net.\n"
	"**Internet Freedom**, the 9<sup>th</sup> \\*star\\* <!-- note -->\n"
	"\n"
	"```\n"
	"code, here\n"
	"```\n";

/* Asserts that every byte of d's text from `needle` on, for strlen(want)
 * bytes, has the reason want[k] ('0'-'7'). */
static void assert_reasons(const sl_doc *d, const char *needle, const char *want)
{
	size_t at = offset_of(d, needle);
	size_t k;

	for (k = 0; want[k] != '\0'; k++) {
		if (d->pub.nonprose[at + k] != (unsigned char)(want[k] - '0'))
			fail_msg("byte %zu ('%c') of \"%s\": reason %u, want %c", k,
			         d->pub.text[at + k], needle, d->pub.nonprose[at + k], want[k]);
	}
}

static void test_nonprose_reasons(void **unused)
{
	sl_doc *d = build(nonprose_draft, STMTLINT_FORMAT_MARKDOWN);
	size_t i;
	size_t fm_end = offset_of(d, "---\n#") + 3;

	(void)unused;
	assert_non_null(d->pub.nonprose);
	assert_int_equal(STMTLINT_NONPROSE_NONE, 0);
	/* front matter, its "---" lines and the line ends between them */
	for (i = 0; i < fm_end; i++)
		assert_int_equal(d->pub.nonprose[i], STMTLINT_NONPROSE_FRONT_MATTER);
	assert_int_equal(d->pub.nonprose[fm_end], STMTLINT_NONPROSE_NONE);
	/* a heading's '#' is markup, its words and the space after it prose */
	assert_reasons(d, "# Joint", "30000");
	/* a code span with its backticks */
	assert_reasons(d, "Run `make` and", "0000111111000");
	/* a link: brackets and parentheses are markup, the destination a URL */
	assert_reasons(d, "[the site](https://example.org/a) or",
	               "300000000332222222222222222222223000");
	/* a bare URL, without the full stop that ends the sentence */
	assert_reasons(d, " www.example.net.\n", "022222222222222200");
	/* bold: the '*'s are markup, the comma after them is prose */
	assert_reasons(d, "**Internet Freedom**,", "330000000000000000330");
	/* HTML tags; the ordinal's digits and letters are prose */
	assert_reasons(d, "9<sup>th</sup> ", "077777007777770");
	/* an escape: the backslash only */
	assert_reasons(d, "\\*star\\* ", "600000600");
	/* an HTML comment */
	assert_reasons(d, "<!-- note -->", "4444444444444");
	/* a fenced code block, fences and line ends too */
	for (i = offset_of(d, "```"); i < d->pub.length - 1; i++)
		assert_int_equal(d->pub.nonprose[i], STMTLINT_NONPROSE_CODE);
	doc_free(d);
}

/* libcmark's tree counts against the model's budget: 400,000 '[' (each a
 * bracket cmark keeps) are refused, not read with 40 MB. */
static void test_model_budget_commonmark(void **unused)
{
	char *text = repeat("[", 400000);
	sl_doc *d = build(text, STMTLINT_FORMAT_MARKDOWN);

	(void)unused;
	assert_true(d->refused);
	assert_int_equal(d->pub.n_blocks, 0);
	assert_int_equal(d->n_issues, 1);
	assert_string_equal(d->issues[0].rule, "input");
	assert_non_null(strstr(d->issues[0].message, "CommonMark"));
	doc_free(d);
	/* the same as text is read */
	d = build(text, STMTLINT_FORMAT_TEXT);
	assert_false(d->refused);
	doc_free(d);
	free(text);
}

/* ---- Markdown ----------------------------------------------------------- */

static const char markdown[] =
	"---\n"
	"title: \"Joint Statement\"\n"
	"date: 2011-06-11\n"
	"---\n"
	"\n"
	"# Joint Statement\n"
	"\n"
	"Text with `code here` and a [link](http://example.com/x) end.\n"
	"\n"
	"```c\n"
	"int x;\n"
	"```\n"
	"\n"
	"## 1. Heading:\n"
	"\n"
	"Done.\n";

static void test_markdown(void **unused)
{
	sl_doc *d = build(markdown, STMTLINT_FORMAT_MARKDOWN);
	const stmtlint_block *b = d->pub.blocks;
	size_t fm_end = offset_of(d, "\n\n# Joint") + 1;
	size_t code = offset_of(d, "`code");
	size_t url = offset_of(d, "(http");
	size_t fence = offset_of(d, "```c");
	size_t fence_end = offset_of(d, "```\n\n##") + 3;

	(void)unused;
	assert_int_equal(d->n_issues, 0);
	assert_non_null(d->pub.meta_title);
	assert_string_equal(d->pub.meta_title, "Joint Statement");
	assert_span(d, d->pub.meta_title_span, "\"Joint Statement\"");
	assert_non_null(d->pub.meta_date);
	assert_string_equal(d->pub.meta_date, "2011-06-11");
	assert_span(d, d->pub.meta_date_span, "2011-06-11");

	assert_int_equal(d->pub.n_blocks, 6);
	assert_int_equal(b[0].kind, STMTLINT_BLOCK_FRONT_MATTER);
	assert_int_equal(b[0].first_line, 0);
	assert_int_equal(b[0].last_line, 3);
	assert_true(prose_blank(d, 0, fm_end));

	assert_int_equal(b[1].kind, STMTLINT_BLOCK_TITLE);
	assert_int_equal(d->pub.title, 1);
	assert_span(d, b[1].content, "Joint Statement");
	assert_int_equal(b[1].depth, 1);
	assert_true(prose_blank(d, b[1].marker.start, b[1].marker.end));

	assert_int_equal(b[2].kind, STMTLINT_BLOCK_PARAGRAPH);
	/* inline code and the link's target are not prose; the link text is */
	assert_true(prose_blank(d, code, code + strlen("`code here`")));
	assert_true(prose_blank(d, url, url + strlen("(http://example.com/x)")));
	assert_memory_equal(d->pub.prose + offset_of(d, "link]"), "link", 4);
	assert_memory_equal(d->pub.prose + offset_of(d, "Text with"), "Text with", 9);
	assert_memory_equal(d->pub.prose + offset_of(d, " end."), " end.", 5);

	assert_int_equal(b[3].kind, STMTLINT_BLOCK_CODE);
	assert_int_equal(b[3].span.start, fence);
	assert_int_equal(b[3].span.end, fence_end);
	assert_true(prose_blank(d, fence, fence_end));

	assert_int_equal(b[4].kind, STMTLINT_BLOCK_SECTION);
	assert_int_equal(b[4].value, 1);
	assert_int_equal(b[4].depth, 2);
	assert_span(d, b[4].number, "1.");
	assert_span(d, b[4].content, "Heading:");

	assert_int_equal(b[5].kind, STMTLINT_BLOCK_PARAGRAPH);
	assert_int_equal(b[5].section, 4);

	/* no word comes from front matter, code or the URL */
	{
		size_t i;

		for (i = 0; i < d->pub.n_words; i++) {
			assert_true(d->pub.words[i].start >= fm_end);
			assert_false(d->pub.words[i].start >= fence && d->pub.words[i].start < fence_end);
			assert_false(d->pub.words[i].start >= url && d->pub.words[i].start < url + 22);
		}
	}
	doc_free(d);
}

/* Prose differs from text exactly where a reason is recorded (but for white
 * space, which prose only normalises). */
static void assert_nonprose_matches_prose(const char *text)
{
	sl_doc *d = build(text, STMTLINT_FORMAT_MARKDOWN);
	size_t i;
	size_t blanked = 0;

	for (i = 0; i < d->pub.length; i++) {
		char t = d->pub.text[i];
		char p = d->pub.prose[i];

		if (d->pub.nonprose[i] != STMTLINT_NONPROSE_NONE) {
			assert_true(d->pub.nonprose[i] <= STMTLINT_NONPROSE_HTML);
			assert_true(p == ' ' || (p == '\n' && (t == '\n' || t == '\r')));
			blanked++;
		} else if (p != t) {
			assert_true(strchr("\t\r\f\v", t) != NULL);
		}
	}
	assert_true(blanked > 0);
	doc_free(d);
}

static void test_nonprose_only_where_blanked(void **unused)
{
	char crlf[sizeof(nonprose_draft) * 2];
	size_t i;
	size_t n = 0;

	(void)unused;
	assert_nonprose_matches_prose(nonprose_draft);
	assert_nonprose_matches_prose(markdown);
	for (i = 0; nonprose_draft[i] != '\0'; i++) {
		if (nonprose_draft[i] == '\n')
			crlf[n++] = '\r';
		crlf[n++] = nonprose_draft[i] == ' ' ? '\t' : nonprose_draft[i];
	}
	crlf[n] = '\0';
	assert_nonprose_matches_prose(crlf);
}

/* Markdown blocks are what CommonMark says they are. */
static const char commonmark_draft[] =
	"Joint Statement\n"
	"===============\n"
	"\n"
	"1. One.\n"
	"1. Two.\n"
	"1. Three.\n"
	"\n"
	"The lead-in:\n"
	"\n"
	"    5. indented code\n"
	"\n"
	"<div>\n"
	"6. an HTML block\n"
	"</div>\n"
	"\n"
	"***\n"
	"\n"
	"> quoted text\n"
	"\n"
	"4) Four.\n"
	"5) Five.\n";

static void test_markdown_commonmark(void **unused)
{
	sl_doc *d = build(commonmark_draft, STMTLINT_FORMAT_MARKDOWN);
	const stmtlint_block *b = d->pub.blocks;
	size_t at;

	(void)unused;
	assert_int_equal(d->pub.n_blocks, 10);
	/* a setext heading is the title; its underline is markup */
	assert_int_equal(b[0].kind, STMTLINT_BLOCK_TITLE);
	assert_int_equal(b[0].first_line, 0);
	assert_int_equal(b[0].last_line, 1);
	assert_span(d, b[0].content, "Joint Statement");
	at = offset_of(d, "===");
	assert_int_equal(d->pub.nonprose[at], STMTLINT_NONPROSE_MARKUP);
	assert_true(prose_blank(d, at, at + 15));
	/* "1. 1. 1." reads as 1, 2, 3 */
	assert_int_equal(b[1].kind, STMTLINT_BLOCK_SECTION);
	assert_int_equal(b[1].value, 1);
	assert_int_equal(b[2].kind, STMTLINT_BLOCK_SECTION);
	assert_int_equal(b[2].value, 2);
	assert_span(d, b[2].number, "1.");
	assert_span(d, b[2].content, "Two.");
	assert_int_equal(b[3].value, 3);
	assert_int_equal(b[4].kind, STMTLINT_BLOCK_PARAGRAPH);
	/* indented code */
	assert_int_equal(b[5].kind, STMTLINT_BLOCK_CODE);
	assert_int_equal(b[5].first_line, 9);
	assert_int_equal(d->pub.nonprose[offset_of(d, "indented")], STMTLINT_NONPROSE_CODE);
	/* an HTML block: not prose, like a comment */
	assert_int_equal(b[6].kind, STMTLINT_BLOCK_COMMENT);
	assert_int_equal(b[6].first_line, 11);
	assert_int_equal(b[6].last_line, 13);
	at = offset_of(d, "6. an HTML");
	assert_int_equal(d->pub.nonprose[at], STMTLINT_NONPROSE_HTML);
	assert_true(prose_blank(d, at, at + 16));
	/* a thematic break is markup and no block; a block quote's '>' too */
	assert_int_equal(d->pub.nonprose[offset_of(d, "***")], STMTLINT_NONPROSE_MARKUP);
	assert_int_equal(b[7].kind, STMTLINT_BLOCK_PARAGRAPH);
	assert_span(d, b[7].content, "quoted text");
	assert_int_equal(d->pub.nonprose[offset_of(d, "> quoted")], STMTLINT_NONPROSE_MARKUP);
	/* "4)" starts an ordered list at 4 */
	assert_int_equal(b[8].kind, STMTLINT_BLOCK_SECTION);
	assert_int_equal(b[8].value, 4);
	assert_span(d, b[8].number, "4)");
	assert_int_equal(b[9].value, 5);
	/* words: none of the code or the HTML block; the markers' digits are prose */
	assert_int_equal(d->pub.n_words, 16);
	doc_free(d);
}

static void test_markdown_unterminated_front_matter(void **unused)
{
	sl_doc *d = build("---\ntitle: x\n\nBody text.\n", STMTLINT_FORMAT_MARKDOWN);

	(void)unused;
	assert_int_equal(d->n_issues, 1);
	assert_string_equal(d->issues[0].rule, "front-matter");
	assert_int_equal(d->issues[0].severity, STMTLINT_ERROR);
	assert_int_equal(d->issues[0].start, 0);
	assert_int_equal(d->issues[0].end, 3);
	assert_non_null(strstr(d->issues[0].message, "never closed"));
	assert_null(d->pub.meta_title);
	doc_free(d);
}

static void test_markdown_bad_front_matter_yaml(void **unused)
{
	sl_doc *d = build("---\ntitle: x\ndate: [unclosed\n---\n\nBody.\n", STMTLINT_FORMAT_MARKDOWN);
	size_t line;
	size_t col;

	(void)unused;
	assert_int_equal(d->n_issues, 1);
	assert_string_equal(d->issues[0].rule, "front-matter");
	/* the issue lies inside the front matter, not on its first line */
	doc_position(&d->pub, d->issues[0].start, &line, &col);
	assert_true(line >= 3 && line <= 4);
	assert_null(strchr(d->issues[0].message, '\n'));
	doc_free(d);
}

static void test_format_for(void **unused)
{
	(void)unused;
	assert_int_equal(doc_format_for("a/b.md"), STMTLINT_FORMAT_MARKDOWN);
	assert_int_equal(doc_format_for("B.Markdown"), STMTLINT_FORMAT_MARKDOWN);
	assert_int_equal(doc_format_for("x.txt"), STMTLINT_FORMAT_TEXT);
	assert_int_equal(doc_format_for("md"), STMTLINT_FORMAT_TEXT);
}

/* A heading with no text ("# ") has an empty content, not one that ends
 * before it starts (found by the fuzz step: plugins would read past it). */
static void test_spans_never_inverted(void **unused)
{
	static const char text[] = "# \n- Two.\n\n##   \n\nText.\n";
	sl_doc *d = doc_build("t.md", text, sizeof(text) - 1, STMTLINT_FORMAT_MARKDOWN);
	size_t i;

	(void)unused;
	assert_non_null(d);
	assert_true(d->pub.n_blocks >= 3);
	for (i = 0; i < d->pub.n_blocks; i++) {
		const stmtlint_block *b = &d->pub.blocks[i];

		assert_true(b->span.end >= b->span.start);
		assert_true(b->marker.end >= b->marker.start);
		assert_true(b->number.end >= b->number.start);
		assert_true(b->content.end >= b->content.start);
	}
	doc_free(d);
}

static void test_date_only(void **unused)
{
	static const char *const yes[] = {
		"June 11th, 2011", "Thursday, 9 June 2011", "2011-06-11", "June 2011", "Jun. 9, 2011"
	};
	static const char *const no[] = {
		"June 11th", "On June 9, 2011", "2011", "The Second Meeting", "June June 2011"
	};
	size_t i;

	(void)unused;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		assert_true(doc_is_date_only(yes[i], strlen(yes[i])));
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		assert_false(doc_is_date_only(no[i], strlen(no[i])));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_lf),
		cmocka_unit_test(test_lines_crlf),
		cmocka_unit_test(test_lines_lone_cr),
		cmocka_unit_test(test_bom_skipped),
		cmocka_unit_test(test_position_code_points),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_invalid_utf8_capped),
		cmocka_unit_test(test_blocks_text),
		cmocka_unit_test(test_words_and_sentences),
		cmocka_unit_test(test_model_budget_refuses),
		cmocka_unit_test(test_model_budget_prose),
		cmocka_unit_test(test_model_budget_commonmark),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_nonprose_reasons),
		cmocka_unit_test(test_markdown_commonmark),
		cmocka_unit_test(test_nonprose_only_where_blanked),
		cmocka_unit_test(test_markdown_unterminated_front_matter),
		cmocka_unit_test(test_markdown_bad_front_matter_yaml),
		cmocka_unit_test(test_format_for),
		cmocka_unit_test(test_date_only),
		cmocka_unit_test(test_spans_never_inverted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
