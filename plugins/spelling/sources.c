/* sources.c - the spelling plugin's words and pairs (see sources.h). */
#include <stdlib.h>
#include <string.h>

#include "sources.h"

/* Adds the words of every scalar of a word list dataset: a sequence of
 * words (a .txt file), each maybe a name of several words. */
static int read_word_list(const stmtlint_host *host, const stmtlint_options *opts,
                          const char *name, vocab *v)
{
	const stmtlint_node *list = host->dataset(opts, name);
	size_t i;

	if (list == NULL)
		return 0;
	if (host->node_kind(list) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(opts, list, "dataset '%s' must be a list of words", name);
		return -1;
	}
	for (i = 0; i < host->node_length(list); i++) {
		const stmtlint_node *item = host->node_item(list, i);
		const char *word = host->node_scalar(item);

		if (word == NULL) {
			host->config_error(opts, item, "dataset '%s' holds something that is no word", name);
			return -1;
		}
		if (vocab_add_words_of(v, word) != 0)
			return -1;
	}
	return 0;
}

/* Adds the words of a scalar, or of each scalar of a sequence, under key. */
static int add_names_under(const stmtlint_host *host, const stmtlint_node *map, const char *key,
                           vocab *v)
{
	const stmtlint_node *n = host->node_get(map, key);
	size_t i;

	if (n == NULL)
		return 0;
	if (host->node_kind(n) == STMTLINT_NODE_SCALAR)
		return vocab_add_proper_words_of(v, host->node_scalar(n));
	for (i = 0; host->node_kind(n) == STMTLINT_NODE_SEQUENCE && i < host->node_length(n); i++) {
		const char *s = host->node_scalar(host->node_item(n, i));

		if (s != NULL && vocab_add_proper_words_of(v, s) != 0)
			return -1;
	}
	return 0;
}

/* Adds the names, other names, acronyms and former names of the bodies of
 * one registry file's root mapping. */
static int read_registry_file(const stmtlint_host *host, const stmtlint_node *root, vocab *v)
{
	const stmtlint_node *bodies = host->node_get(root, "bodies");
	size_t i;

	if (bodies == NULL || host->node_kind(bodies) != STMTLINT_NODE_SEQUENCE)
		return 0;
	for (i = 0; i < host->node_length(bodies); i++) {
		const stmtlint_node *body = host->node_item(bodies, i);
		const stmtlint_node *former = host->node_get(body, "former");
		size_t k;

		if (host->node_kind(body) != STMTLINT_NODE_MAPPING)
			continue;
		if (add_names_under(host, body, "name", v) != 0 ||
		    add_names_under(host, body, "also", v) != 0 ||
		    add_names_under(host, body, "acronyms", v) != 0)
			return -1;
		for (k = 0; former != NULL && host->node_kind(former) == STMTLINT_NODE_SEQUENCE &&
		            k < host->node_length(former); k++) {
			const stmtlint_node *f = host->node_item(former, k);

			if (host->node_kind(f) == STMTLINT_NODE_MAPPING &&
			    (add_names_under(host, f, "name", v) != 0 ||
			     add_names_under(host, f, "acronyms", v) != 0))
				return -1;
		}
	}
	return 0;
}

/* The registry: one file's root mapping, or a sequence of them (a folder). */
static int read_registry(const stmtlint_host *host, const stmtlint_options *opts, vocab *v)
{
	const stmtlint_node *root = host->dataset(opts, SOURCES_AGENCIES_DATASET);
	size_t i;

	if (root == NULL)
		return 0;
	if (host->node_kind(root) == STMTLINT_NODE_MAPPING)
		return read_registry_file(host, root, v);
	for (i = 0; host->node_kind(root) == STMTLINT_NODE_SEQUENCE && i < host->node_length(root); i++) {
		const stmtlint_node *file = host->node_item(root, i);

		if (host->node_kind(file) == STMTLINT_NODE_MAPPING &&
		    read_registry_file(host, file, v) != 0)
			return -1;
	}
	return 0;
}

int sources_read_words(const stmtlint_host *host, const stmtlint_options *opts, vocab *v)
{
	const stmtlint_node *words = host->option(opts, "words");
	const char *const *files;
	size_t n_files = 0;
	size_t i;

	if (read_word_list(host, opts, SOURCES_WORDS_DATASET, v) != 0 ||
	    read_word_list(host, opts, SOURCES_NAMES_DATASET, v) != 0)
		return -1;
	if (read_registry(host, opts, v) != 0) {
		host->config_error(opts, NULL, "out of memory reading the agencies registry");
		return -1;
	}
	for (i = 0; words != NULL && i < host->node_length(words); i++) {
		const char *w = host->node_scalar(host->node_item(words, i));

		if (w != NULL && vocab_add_words_of(v, w) != 0) {
			host->config_error(opts, NULL, "out of memory reading option 'words'");
			return -1;
		}
	}
	host->dictionaries(opts, &files, &n_files);
	for (i = 0; i < n_files; i++) {
		char why[512];

		if (vocab_read_file(v, files[i], why, sizeof(why)) != 0) {
			host->config_error(opts, NULL, "dictionary %s", why);
			return -1;
		}
	}
	return 0;
}

static int by_us(const void *a, const void *b)
{
	return strcmp(((const spelling_pair *)a)->us, ((const spelling_pair *)b)->us);
}

static int by_gb(const void *a, const void *b)
{
	return strcmp(((const spelling_pair *)a)->gb, ((const spelling_pair *)b)->gb);
}

/* Splits "program programme" into a pair; 0, 1 when the line is no pair,
 * -1 when out of memory. */
static int parse_pair(const char *line, spelling_pair *p)
{
	const char *space = strpbrk(line, " \t");
	const char *second = space;

	if (space == NULL || space == line)
		return 1;
	while (*second == ' ' || *second == '\t')
		second++;
	if (*second == '\0' || strpbrk(second, " \t") != NULL)
		return 1;
	p->us = strndup(line, (size_t)(space - line));
	p->gb = strdup(second);
	if (p->us == NULL || p->gb == NULL) {
		free(p->us);
		free(p->gb);
		return -1;
	}
	return 0;
}

int sources_read_pairs(const stmtlint_host *host, const stmtlint_options *opts, pair_table *t)
{
	const stmtlint_node *list = host->dataset(opts, SOURCES_VARIANTS_DATASET);
	size_t n = list != NULL ? host->node_length(list) : 0;
	size_t i;

	memset(t, 0, sizeof(*t));
	if (list == NULL)
		return 0;
	t->by_us = calloc(n ? n : 1, sizeof(*t->by_us));
	t->by_gb = calloc(n ? n : 1, sizeof(*t->by_gb));
	if (t->by_us == NULL || t->by_gb == NULL) {
		host->config_error(opts, list, "out of memory reading dataset '%s'",
		                   SOURCES_VARIANTS_DATASET);
		return -1;
	}
	for (i = 0; i < n; i++) {
		const stmtlint_node *item = host->node_item(list, i);
		const char *line = host->node_scalar(item);
		int rc = line != NULL ? parse_pair(line, &t->by_us[t->n]) : 1;

		if (rc < 0) {
			host->config_error(opts, item, "out of memory");
			return -1;
		}
		if (rc > 0) {
			host->config_error(opts, item, "a line of dataset '%s' must be a U.S. spelling "
			                   "and its British counterpart, as \"program programme\"",
			                   SOURCES_VARIANTS_DATASET);
			return -1;
		}
		t->n++;
	}
	qsort(t->by_us, t->n, sizeof(*t->by_us), by_us);
	memcpy(t->by_gb, t->by_us, t->n * sizeof(*t->by_us));
	qsort(t->by_gb, t->n, sizeof(*t->by_gb), by_gb);
	return 0;
}

const char *pair_gb_of(const pair_table *t, const char *us)
{
	spelling_pair key = { (char *)us, NULL };
	const spelling_pair *p = t->n ? bsearch(&key, t->by_us, t->n, sizeof(key), by_us) : NULL;

	return p != NULL ? p->gb : NULL;
}

const char *pair_us_of(const pair_table *t, const char *gb)
{
	spelling_pair key = { NULL, (char *)gb };
	const spelling_pair *p = t->n ? bsearch(&key, t->by_gb, t->n, sizeof(key), by_gb) : NULL;

	return p != NULL ? p->us : NULL;
}

void pair_table_free(pair_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->by_us[i].us);
		free(t->by_us[i].gb);
	}
	free(t->by_us);
	free(t->by_gb);
	memset(t, 0, sizeof(*t));
}
