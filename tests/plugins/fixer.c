/* fixer.c - a test plugin for --fix: "teh" is a finding with a certain
 * fix-it ("the"); "recieve" one with two guesses (suggest(), ABI 1.2:
 * "receive", "relieve"), which --fix must never apply.  When the
 * environment variable STMTLINT_TEST_TOUCH names a file, each check
 * appends a line to it, so that tests/fix.sh can change a draft on disk
 * while stmtlint checks it, at a known moment rather than after a guessed
 * delay. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmtlint/plugin.h"

static const stmtlint_check_spec checks[] = {
	{ "typo", STMTLINT_WARNING, "a known typo, with its certain fix" },
	{ "guess", STMTLINT_WARNING, "a misspelling with several guesses" },
};

static int fixer_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	(void)host;
	(void)opts;
	*state = NULL;
	return 0;
}

/* Reports every occurrence of `word` in the draft's words. */
static void find_word(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                      const char *word, size_t check)
{
	size_t n = strlen(word);
	size_t i;

	for (i = 0; i < doc->n_words; i++) {
		const stmtlint_span *w = &doc->words[i];
		stmtlint_diag *d;

		if (w->end - w->start != n || memcmp(doc->text + w->start, word, n) != 0)
			continue;
		d = host->report(ctx, check, w->start, w->end, "'%s' is misspelt", word);
		if (check == 0) {
			host->fix_titled(d, w->start, w->end, "the", NULL);
		} else {
			host->suggest(d, w->start, w->end, "receive", NULL);
			host->suggest(d, w->start, w->end, "relieve", NULL);
		}
	}
}

static int fixer_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                       const stmtlint_doc *doc)
{
	const char *touch = getenv("STMTLINT_TEST_TOUCH");

	(void)state;
	if (touch != NULL && touch[0] != '\0') {
		FILE *f = fopen(touch, "a");

		if (f != NULL) {
			fputs("Changed meanwhile.\n", f);
			fclose(f);
		}
	}
	find_word(host, ctx, doc, "teh", 0);
	find_word(host, ctx, doc, "recieve", 1);
	return 0;
}

static void fixer_fini(const stmtlint_host *host, void *state)
{
	(void)host;
	(void)state;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "fixer",
	.summary = "a test plugin with certain fix-its and guesses",
	.severity = STMTLINT_WARNING,
	.checks = checks,
	.n_checks = sizeof(checks) / sizeof(*checks),
	.init = fixer_init,
	.check = fixer_check,
	.fini = fixer_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
