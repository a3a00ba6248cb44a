/* fuzz_large.c - libFuzzer harness for work that grows faster than its
 * input: a small fuzzer input is a recipe for a large one (a few MB), made
 * by repeating parts of it, so that a quadratic loop or a run-away pattern
 * shows as a timeout where the other harnesses, whose inputs stay under a
 * few KB, see nothing.  tests/fuzz/run gives each input 20 s: in the
 * fuzzing build (ASan, UBSan, coverage) a 4 MiB text takes up to 5 s on a
 * busy machine when the work is linear, and the cases this harness was made
 * for took over 120 s there before their fixes (the exponential pattern 13 s
 * at its size, which grows with the length of its part).
 *
 * The input: byte 0 chooses what the text is (see `kind`); bytes 1-2 and
 * 3-4 are two counts, n and m (big-endian); the rest holds up to five parts
 * split by 0xFF bytes (a byte no UTF-8 text has), P0 to P4.  The text is
 *     P0, P1 n times, P2, P3 m times, P4
 * cut at FUZZ_LARGE_MAX_BYTES, so that nesting is P1 = "[" and P3 = "]",
 * and "many comments, then many blank lines" is P1 a comment and P3 "\n". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "doc.h"
#include "engine.h"
#include "yamltree.h"
#include "fuzz_support.h"
#include "guard.h"

/* The largest text made: large enough for quadratic work to take seconds,
 * small enough that a linear check of it takes well under a second in the
 * sanitizer build. */
#define FUZZ_LARGE_MAX_BYTES (4u << 20)
/* ... and under valgrind (make check-valgrind replays the regressions), where
 * the point is memory errors and everything runs 30 times slower. */
#define FUZZ_LARGE_VALGRIND_BYTES (256u << 10)

/* What the text is. */
enum kind {
	KIND_TEXT_DRAFT,     /* a plain-text draft, every plugin on with the dialogue's data */
	KIND_MARKDOWN_DRAFT, /* the same as Markdown (front matter, suppression comments) */
	KIND_YAML,           /* a configuration, profile or rule-data file */
	KIND_PATTERN,        /* P0 is the rule data's `announce` pattern; the rest the draft */
	N_KINDS
};

#define N_PARTS 5

static plugin_set plugins;
static ruleset *all_rules;      /* every plugin, with the dialogue's rule data */
static size_t max_bytes = FUZZ_LARGE_MAX_BYTES;

static void release(void)
{
	ruleset_free(all_rules);
	plugins_unload(&plugins);
}

/* A ruleset from the profile text; NULL (with the reason in err) when the
 * profile or its rule data is refused. */
static ruleset *ruleset_from(const char *profile, errlist *err)
{
	const char *path = fuzz_write("profile.yaml", profile, strlen(profile));
	config *cfg = path != NULL ? config_load(NULL, path, fuzz_rules_dir(), 0, err) : NULL;

	return cfg != NULL ? ruleset_new(&plugins, cfg, fuzz_store(), err) : NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	errlist err;
	buf profile;
	size_t i;

	(void)argc;
	(void)argv;
	guard_set_enabled(0);   /* a plugin's crash is the fuzzer's to see */
	if (getenv("STMTLINT_UNDER_VALGRIND") != NULL)
		max_bytes = FUZZ_LARGE_VALGRIND_BYTES;
	errlist_init(&err);
	if (plugins_load_dir(&plugins, fuzz_plugin_dir(), &err) != 0 || plugins.n == 0) {
		fprintf(stderr, "fuzz_large: cannot load the plugins of %s:\n%s", fuzz_plugin_dir(),
		        fuzz_errors(&err));
		exit(1);
	}
	atexit(release);
	buf_init(&profile, 0);
	buf_printf(&profile, "include:\n  - '%s/principles/us-japan-internet-economy.yaml'\n",
	           fuzz_rules_dir());
	fuzz_default_data(&profile);
	buf_puts(&profile, "rules:\n");
	for (i = 0; i < plugins.n; i++)
		buf_printf(&profile, "  %s: on\n", plugins.items[i].desc->id);
	all_rules = profile.data != NULL ? ruleset_from(profile.data, &err) : NULL;
	buf_free(&profile);
	if (all_rules == NULL) {
		fprintf(stderr, "fuzz_large: cannot make the ruleset:\n%s", fuzz_errors(&err));
		exit(1);
	}
	errlist_free(&err);
	return 0;
}

/* Splits data into up to N_PARTS parts at 0xFF bytes; the last part keeps
 * the rest. */
static void split_parts(const uint8_t *data, size_t size, const uint8_t **part, size_t *len)
{
	size_t k;
	size_t start = 0;
	size_t i;

	for (k = 0; k < N_PARTS; k++) {
		part[k] = data + size;
		len[k] = 0;
	}
	k = 0;
	for (i = 0; i <= size && k < N_PARTS; i++) {
		if (i == size || (data[i] == 0xFF && k + 1 < N_PARTS)) {
			part[k] = data + start;
			len[k] = i - start;
			k++;
			start = i + 1;
		}
	}
}

/* Appends part p `times` times to b, stopping at max_bytes. */
static void append_times(buf *b, const uint8_t *p, size_t len, size_t times)
{
	size_t i;

	for (i = 0; i < times && b->len + len <= max_bytes; i++)
		buf_append(b, p, len);
}

/* Checks a draft with the given ruleset and throws the findings away. */
static void check_draft(const ruleset *rs, const char *name, const char *text, size_t len,
                        stmtlint_doc_format format)
{
	sl_doc *doc = doc_build(name, text, len, format);
	diag_list l;
	errlist err;

	if (doc == NULL)
		return;
	diag_list_init(&l);
	errlist_init(&err);
	ruleset_check(rs, doc, 0, &l, &err);
	errlist_free(&err);
	diag_list_free(&l);
	doc_free(doc);
}

/* KIND_PATTERN: the rule data of one agreed item with `pattern` (one line,
 * quotes doubled) as its announce pattern, and the draft checked under it. */
static void check_with_pattern(const uint8_t *pattern, size_t plen, const char *text, size_t len)
{
	buf profile;
	buf data;
	errlist err;
	ruleset *rs;
	size_t i;

	buf_init(&data, 0);
	buf_puts(&data, "principles:\n  announce: '");
	for (i = 0; i < plen; i++) {
		char c = (char)pattern[i];

		if (c == '\n' || c == '\r' || c == '\0')
			c = ' ';
		buf_append(&data, &c, 1);
		if (c == '\'')
			buf_putc(&data, '\'');
	}
	buf_puts(&data, "'\n  items:\n    - id: one\n      number: 1\n"
	                "      agreed: \"Sharing information\"\n      key: [sharing information]\n");
	buf_init(&profile, 0);
	buf_puts(&profile, "include: [data.yaml]\nrules:\n  principles: on\n");
	errlist_init(&err);
	rs = NULL;
	if (data.data != NULL && profile.data != NULL &&
	    fuzz_write("data.yaml", data.data, data.len) != NULL)
		rs = ruleset_from(profile.data, &err);
	if (rs != NULL)
		check_draft(rs, "fuzz.txt", text, len, STMTLINT_FORMAT_TEXT);
	ruleset_free(rs);
	errlist_free(&err);
	buf_free(&profile);
	buf_free(&data);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *part[N_PARTS];
	size_t len[N_PARTS];
	size_t n;
	size_t m;
	enum kind kind;
	buf text;
	size_t first;
	errlist err;

	if (size < 5)
		return 0;
	kind = (enum kind)(data[0] % N_KINDS);
	n = (size_t)data[1] << 8 | data[2];
	m = (size_t)data[3] << 8 | data[4];
	split_parts(data + 5, size - 5, part, len);
	/* KIND_PATTERN takes P0 as the pattern: the text starts at P1. */
	first = kind == KIND_PATTERN ? 1 : 0;
	buf_init(&text, max_bytes);
	if (first == 0)
		append_times(&text, part[0], len[0], 1);
	append_times(&text, part[1], len[1], n);
	append_times(&text, part[2], len[2], 1);
	append_times(&text, part[3], len[3], m);
	append_times(&text, part[4], len[4], 1);
	if (text.data == NULL)
		buf_append(&text, "", 0);
	switch (kind) {
	case KIND_TEXT_DRAFT:
		check_draft(all_rules, "fuzz.txt", text.data, text.len, STMTLINT_FORMAT_TEXT);
		break;
	case KIND_MARKDOWN_DRAFT:
		check_draft(all_rules, "fuzz.md", text.data, text.len, STMTLINT_FORMAT_MARKDOWN);
		break;
	case KIND_YAML:
		errlist_init(&err);
		yt_free(yt_parse("fuzz.yaml", text.data, text.len, 0, &err));
		errlist_free(&err);
		break;
	case KIND_PATTERN:
		check_with_pattern(part[0], len[0], text.data, text.len);
		break;
	default:
		break;
	}
	buf_free(&text);
	return 0;
}
