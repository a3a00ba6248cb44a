/*
 * typography.c - the `typography` plugin: the marks of a careful typist.
 *
 * A word typed twice ("the the"), a space before punctuation or none after
 * a full stop, two spaces inside a sentence of a single-spaced draft,
 * parentheses and quotation marks left open in a paragraph, straight and
 * curly quotes mixed, hyphens standing for the dashes the draft otherwise
 * uses.  See typography.h for the parts.
 */
#include <stdlib.h>
#include <string.h>

#include "typography.h"

static const stmtlint_check_spec checks[] = {
	[CHECK_REPEATED_WORD] = { "repeated-word", STMTLINT_WARNING,
	                          "a word typed twice (\"the the\"), also across a line break" },
	[CHECK_SPACE_BEFORE] = { "space-before", STMTLINT_WARNING,
	                         "a space before , ; : . or )" },
	[CHECK_MISSING_SPACE] = { "missing-space", STMTLINT_WARNING,
	                          "no space after a full stop that ends a sentence" },
	[CHECK_DOUBLE_SPACE] = { "double-space", STMTLINT_WARNING,
	                         "two spaces inside a sentence of a single-spaced draft" },
	[CHECK_UNBALANCED] = { "unbalanced", STMTLINT_WARNING,
	                       "a parenthesis or quotation mark left open, or closed twice, in a "
	                       "paragraph" },
	[CHECK_QUOTE_STYLE] = { "quote-style", STMTLINT_WARNING,
	                        "straight and curly quotes or apostrophes mixed in one draft" },
	[CHECK_DASH] = { "dash", STMTLINT_WARNING,
	                 "a hyphen or double hyphen used as a dash where the draft uses en or em "
	                 "dashes" },
};

static const stmtlint_option_spec options[] = {
	{ .name = "doubles", .type = STMTLINT_OPT_LIST,
	  .help = "more words that may stand twice in a row, besides had, that, is, was, do, "
	          "does and her" },
};

/* Words that may legitimately stand twice: "had had", "that that", "what
 * it is is", "what we do do", "gave her her". */
static const char *const builtin_doubles[] = { "had", "that", "is", "was", "do", "does", "her" };
#define N_BUILTIN_DOUBLES (sizeof(builtin_doubles) / sizeof(builtin_doubles[0]))
/* The longest word of option `doubles`, in bytes. */
#define MAX_DOUBLE_BYTES 64

static void free_state(typo_state *st)
{
	size_t k;

	if (!st)
		return;
	for (k = 0; k < st->n_doubles; k++)
		free(st->doubles[k]);
	free(st->doubles);
	free(st);
}

/* Adds one word, normalised as the host compares words. */
static int add_double(const stmtlint_host *host, typo_state *st, const char *word)
{
	char norm[MAX_DOUBLE_BYTES + 1];
	size_t len = host->word_normalize(word, strlen(word), norm, sizeof(norm));

	if (len == 0 || len > MAX_DOUBLE_BYTES)
		return 1;
	st->doubles[st->n_doubles] = strdup(norm);
	if (!st->doubles[st->n_doubles])
		return -1;
	st->n_doubles++;
	return 0;
}

static int typography_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	typo_state *st = calloc(1, sizeof(*st));
	const stmtlint_node *node = host->option(opts, "doubles");
	size_t n = node ? host->node_length(node) : 0;
	size_t k;

	*state = NULL;
	if (st)
		st->doubles = calloc(N_BUILTIN_DOUBLES + n, sizeof(*st->doubles));
	if (!st || !st->doubles) {
		host->config_error(opts, NULL, "out of memory");
		free_state(st);
		return -1;
	}
	for (k = 0; k < N_BUILTIN_DOUBLES + n; k++) {
		const stmtlint_node *item = k < N_BUILTIN_DOUBLES ? NULL : host->node_item(node, k - N_BUILTIN_DOUBLES);
		const char *word = item ? host->node_scalar(item) : builtin_doubles[k];
		int rc = add_double(host, st, word);

		if (rc != 0) {
			host->config_error(opts, item, rc < 0 ? "out of memory" :
			                   "a word of 'doubles' must be one word of at most 64 bytes");
			free_state(st);
			return -1;
		}
	}
	*state = st;
	return 0;
}

static void typography_fini(const stmtlint_host *host, void *state)
{
	(void)host;
	free_state(state);
}

uint32_t typo_cp_at(const typo_run *r, size_t i, size_t *len)
{
	uint32_t cp = 0;

	*len = 0;
	if (i >= r->doc->length)
		return 0;
	*len = r->host->utf8_decode(r->doc->text + i, r->doc->length - i, &cp);
	return cp;
}

uint32_t typo_cp_before(const typo_run *r, size_t i, size_t *len)
{
	size_t start = i;

	*len = 0;
	if (i == 0)
		return 0;
	do
		start--;
	while (start > 0 && i - start < 4 && ((unsigned char)r->doc->text[start] & 0xC0) == 0x80);
	return typo_cp_at(r, start, len);
}

int typo_inline_space(const typo_run *r, uint32_t cp)
{
	if (cp == ' ' || cp == '\t')
		return 1;
	return cp > 0x7F && cp != 0x200B && cp != 0x2060 && cp != 0xFEFF && r->host->is_space(cp);
}

int typo_prime(const typo_run *r, size_t i)
{
	const char *t = r->doc->text;
	size_t len;
	uint32_t after = typo_cp_at(r, i + 1, &len);
	size_t k = i;

	if (i == 0 || t[i - 1] < '0' || t[i - 1] > '9')
		return 0;
	if (after != 0 && r->host->is_word_char(after))
		return 1;
	while (k > 0 && t[k - 1] >= '0' && t[k - 1] <= '9')
		k--;
	return t[i] == '"' && k > 0 && t[k - 1] == '\'';
}

int typo_prose_block(const stmtlint_block *b)
{
	return b->kind != STMTLINT_BLOCK_CODE && b->kind != STMTLINT_BLOCK_FRONT_MATTER &&
	       b->kind != STMTLINT_BLOCK_COMMENT;
}

static int typography_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                            const stmtlint_doc *doc)
{
	typo_run r = { host, state, ctx, doc };

	if (host->enabled(ctx, CHECK_REPEATED_WORD) && typo_repeated_words(&r) < 0)
		return -1;
	if (typo_spacing(&r) < 0)
		return -1;
	if (host->enabled(ctx, CHECK_UNBALANCED) && typo_balance(&r) < 0)
		return -1;
	if (host->enabled(ctx, CHECK_QUOTE_STYLE) && typo_quote_style(&r) < 0)
		return -1;
	if (host->enabled(ctx, CHECK_DASH) && typo_dashes(&r) < 0)
		return -1;
	return 0;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "typography",
	.summary = "doubled words, spaces around punctuation, unbalanced parentheses and quotes, "
	           "mixed quotes and dashes",
	.severity = STMTLINT_WARNING,
	.checks = checks,
	.n_checks = sizeof(checks) / sizeof(checks[0]),
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
	.init = typography_init,
	.check = typography_check,
	.fini = typography_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol: its descriptor. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
