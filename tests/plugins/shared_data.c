/*
 * shared_data.c - a test plugin of the ABI 1.1 services: it reads the
 * dataset "words" that its profile declares, asks for a process-wide
 * resource (a counter of how often it was made), and reports each dataset
 * word in the prose with what it saw: whether the dataset is the very one
 * another configuration got, how many times the resource was made, the
 * configuration's language and its number of dictionaries.  Two
 * configurations in one run must both say "made 1 time" and "shared".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stmtlint/plugin.h>

typedef struct shared_state {
	const stmtlint_node *words;         /* the host's */
	const stmtlint_resource *counter;   /* the host's */
	int shared;                         /* the dataset is the one the first init got */
	char language[16];
	size_t n_dictionaries;
} shared_state;

static int times_made;                  /* how often make_counter ran in this process */
static const stmtlint_node *first_words;

static void *make_counter(const char *key, void *arg, char *why, size_t whylen)
{
	int *n = malloc(sizeof(*n));

	(void)key;
	(void)arg;
	if (n == NULL) {
		snprintf(why, whylen, "out of memory");
		return NULL;
	}
	*n = ++times_made;
	return n;
}

static int shared_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	shared_state *st = calloc(1, sizeof(*st));
	const char *const *dicts;

	if (st == NULL)
		return -1;
	*state = st;
	st->words = host->dataset(opts, "words");
	if (st->words == NULL) {
		host->config_error(opts, NULL, "the profile declares no dataset 'words'");
		return -1;
	}
	if (first_words == NULL)
		first_words = st->words;
	st->shared = first_words == st->words;
	st->counter = host->resource(opts, "shared-data:counter", make_counter, free, NULL,
	                             STMTLINT_RESOURCE_LOCKED);
	if (st->counter == NULL)
		return -1;
	snprintf(st->language, sizeof(st->language), "%s", host->language(opts));
	host->dictionaries(opts, &dicts, &st->n_dictionaries);
	return 0;
}

static int shared_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                        const stmtlint_doc *doc)
{
	const shared_state *st = state;
	size_t i;
	int made;
	int *n = host->resource_acquire(st->counter);

	if (n == NULL) {
		/* a check stopped while it held the resource: the host let it go */
		host->report(ctx, STMTLINT_NO_CHECK, 0, 0, "resource abandoned");
		return 0;
	}
	/* "hang-holding" in a draft: stop while the resource is locked, as a
	 * library call past the time limit would */
	while (strstr(doc->prose, "hang-holding") != NULL)
		;
	made = *n;
	host->resource_release(st->counter);
	for (i = 0; i < host->node_length(st->words); i++) {
		const char *w = host->node_scalar(host->node_item(st->words, i));
		const char *at = w != NULL ? strstr(doc->prose, w) : NULL;

		if (at != NULL)
			host->report(ctx, STMTLINT_NO_CHECK, (size_t)(at - doc->prose),
			             (size_t)(at - doc->prose) + strlen(w),
			             "dataset word '%s' (dataset %s, resource made %d time%s, language %s, "
			             "%zu dictionar%s)", w, st->shared ? "shared" : "loaded again", made,
			             made == 1 ? "" : "s", st->language, st->n_dictionaries,
			             st->n_dictionaries == 1 ? "y" : "ies");
	}
	return 0;
}

static void shared_fini(const stmtlint_host *host, void *state)
{
	(void)host;
	free(state);
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "shared-data",
	.summary = "a test plugin of datasets and process-wide resources",
	.severity = STMTLINT_WARNING,
	.init = shared_init,
	.check = shared_check,
	.fini = shared_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
