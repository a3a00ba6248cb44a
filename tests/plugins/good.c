/*
 * good.c - a minimal valid test plugin: one check that reports the first
 * whole-word occurrence of a word (option "word", default "forbidden") in
 * the prose of a draft.  Written in portable C99 against the installed
 * header only, so that tests/out-of-tree.sh can build it outside the tree.
 */
#include <stdlib.h>
#include <string.h>

#include <stmtlint/plugin.h>

typedef struct good_state {
	char *word;      /* the word to find (owned) */
	size_t length;
} good_state;

enum { CHECK_WORD = 0 };

static const stmtlint_check_spec checks[] = {
	{ "word", STMTLINT_WARNING, "the draft uses the word the plugin looks for" },
};

static const stmtlint_option_spec options[] = {
	{ "word", STMTLINT_OPT_STRING, "forbidden", NULL, 0, 0, "the word to report" },
};

static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int good_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	const char *word = host->option_string(opts, "word");
	good_state *st;

	if (word == NULL || word[0] == '\0') {
		host->config_error(opts, host->option(opts, "word"), "option 'word' must not be empty");
		return -1;
	}
	st = malloc(sizeof(*st));
	if (st == NULL)
		return -1;
	st->length = strlen(word);
	st->word = malloc(st->length + 1);
	if (st->word == NULL) {
		free(st);
		return -1;
	}
	memcpy(st->word, word, st->length + 1);
	*state = st;
	return 0;
}

static int good_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                      const stmtlint_doc *doc)
{
	const good_state *st = state;
	size_t i;

	for (i = 0; i + st->length <= doc->length; i++) {
		size_t end = i + st->length;

		if (memcmp(doc->prose + i, st->word, st->length) != 0)
			continue;
		if ((i > 0 && is_letter(doc->prose[i - 1])) || is_letter(doc->prose[end]))
			continue;
		host->report(ctx, CHECK_WORD, i, end, "the draft uses '%s'", st->word);
		return 0;
	}
	return 0;
}

static void good_fini(const stmtlint_host *host, void *state)
{
	good_state *st = state;

	(void)host;
	if (st == NULL)
		return;
	free(st->word);
	free(st);
}

static const stmtlint_plugin plugin = {
	STMTLINT_ABI_VERSION,
	"good",
	"a test plugin that reports one word",
	STMTLINT_WARNING,
	checks, 1,
	options, 1,
	good_init,
	good_check,
	good_fini
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
