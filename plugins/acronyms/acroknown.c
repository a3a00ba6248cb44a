/*
 * acroknown.c - well-known acronyms, tokens that are no acronyms, and the
 * registry's acronyms (see acroknown.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "acroknown.h"
#include "textctx.h"
#include "dataroots.h"

/* Most files of a folder dataset read. */
#define MAX_REGISTRY_FILES 64

int ak_set_add(ak_set *set, const char *s)
{
	char *copy;

	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		char **p = realloc(set->items, cap * sizeof(*p));

		if (!p)
			return -1;
		set->items = p;
		set->cap = cap;
	}
	copy = strdup(s);
	if (!copy)
		return -1;
	set->items[set->n++] = copy;
	return 0;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int compare_pairs(const void *a, const void *b)
{
	return strcasecmp(((const ak_pair *)a)->acronym, ((const ak_pair *)b)->acronym);
}

void ak_finish(acro_known *k)
{
	if (k->well_known.n > 1)
		qsort(k->well_known.items, k->well_known.n, sizeof(char *), compare_strings);
	if (k->not_acronyms.n > 1)
		qsort(k->not_acronyms.items, k->not_acronyms.n, sizeof(char *), compare_strings);
	if (k->n_pairs > 1)
		qsort(k->pairs, k->n_pairs, sizeof(*k->pairs), compare_pairs);
}

/* strcmp of s[0, len) with t. */
static int compare_n(const char *s, size_t len, const char *t)
{
	int c = strncmp(s, t, len);

	if (c != 0)
		return c;
	return t[len] == '\0' ? 0 : -1;
}

int ak_set_has(const ak_set *set, const char *s, size_t len)
{
	size_t lo = 0;
	size_t hi = set->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = compare_n(s, len, set->items[mid]);

		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

int ak_is_well_known(const acro_known *k, const char *s, size_t len)
{
	size_t stem = len;

	if (ak_set_has(&k->well_known, s, len))
		return 1;
	while (stem > 0 && s[stem - 1] >= '0' && s[stem - 1] <= '9')
		stem--;
	return stem >= 2 && stem < len && ak_set_has(&k->well_known, s, stem);
}

/* strcasecmp of s[0, len) with t. */
static int compare_n_caseless(const char *s, size_t len, const char *t)
{
	int c = strncasecmp(s, t, len);

	if (c != 0)
		return c;
	return t[len] == '\0' ? 0 : -1;
}

const ak_pair *ak_pairs_of(const acro_known *k, const char *s, size_t len, size_t *n)
{
	size_t lo = 0;
	size_t hi = k->n_pairs;
	size_t end;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (compare_n_caseless(s, len, k->pairs[mid].acronym) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < k->n_pairs && compare_n_caseless(s, len, k->pairs[end].acronym) == 0;
	     end++)
		;
	*n = end - lo;
	return end > lo ? &k->pairs[lo] : NULL;
}

/* Adds the pair (acronym, name).  0, or -1 when out of memory. */
static int add_pair(const stmtlint_host *host, acro_known *k, const char *acronym,
                    const char *name, int international)
{
	size_t need = tc_normalize(host, name, strlen(name), 1, NULL, 0);
	ak_pair *p;

	if (k->n_pairs == k->cap_pairs) {
		size_t cap = k->cap_pairs ? k->cap_pairs * 2 : 128;
		ak_pair *np = realloc(k->pairs, cap * sizeof(*np));

		if (!np)
			return -1;
		k->pairs = np;
		k->cap_pairs = cap;
	}
	p = &k->pairs[k->n_pairs];
	p->acronym = strdup(acronym);
	p->name = strdup(name);
	p->key = malloc(need + 1);
	if (!p->acronym || !p->name || !p->key) {
		free(p->acronym);
		free(p->name);
		free(p->key);
		return -1;
	}
	tc_normalize(host, name, strlen(name), 1, p->key, need + 1);
	p->international = international;
	k->n_pairs++;
	return 0;
}

/* Adds a pair for each acronym of `acronyms` (a sequence, or NULL) with
 * `name` and with each name of `also` (a sequence, or NULL).  0, or -1
 * after config_error. */
static int add_names(const stmtlint_host *host, const stmtlint_options *opts, acro_known *k,
                     const stmtlint_node *acronyms, const char *name, const stmtlint_node *also,
                     int international)
{
	size_t a;
	size_t n_also = also && host->node_kind(also) == STMTLINT_NODE_SEQUENCE ?
	                host->node_length(also) : 0;

	if (!acronyms || host->node_kind(acronyms) != STMTLINT_NODE_SEQUENCE)
		return 0;
	for (a = 0; a < host->node_length(acronyms); a++) {
		const char *acronym = host->node_scalar(host->node_item(acronyms, a));
		size_t j;

		if (!acronym)
			continue;
		if (add_pair(host, k, acronym, name, international) < 0)
			goto oom;
		for (j = 0; j < n_also; j++) {
			const char *other = host->node_scalar(host->node_item(also, j));

			if (other && add_pair(host, k, acronym, other, international) < 0)
				goto oom;
		}
	}
	return 0;
oom:
	host->config_error(opts, acronyms, "out of memory");
	return -1;
}

/* Whether a government is none: "international". */
static int is_international(const char *government)
{
	return government && strcasecmp(government, "international") == 0;
}

/* Reads the `bodies` of one registry file, whose bodies belong to
 * `government` unless they say otherwise.  Bodies without a name or
 * acronyms give no pairs; the agencies plugin judges the rest of an entry. */
static int read_bodies(const stmtlint_host *host, const stmtlint_options *opts,
                       const stmtlint_node *bodies, const char *government, acro_known *k)
{
	size_t i;

	if (!bodies || host->node_kind(bodies) != STMTLINT_NODE_SEQUENCE)
		return 0;
	for (i = 0; i < host->node_length(bodies); i++) {
		const stmtlint_node *body = host->node_item(bodies, i);
		const stmtlint_node *former = host->node_get(body, "former");
		const char *name = host->node_scalar(host->node_get(body, "name"));
		const char *own = host->node_scalar(host->node_get(body, "government"));
		int international = is_international(own ? own : government);
		size_t f;

		if (!name)
			continue;
		if (add_names(host, opts, k, host->node_get(body, "acronyms"), name,
		              host->node_get(body, "also"), international) < 0)
			return -1;
		if (!former || host->node_kind(former) != STMTLINT_NODE_SEQUENCE)
			continue;
		for (f = 0; f < host->node_length(former); f++) {
			const stmtlint_node *was = host->node_item(former, f);
			const char *old = host->node_scalar(host->node_get(was, "name"));

			if (old && add_names(host, opts, k, host->node_get(was, "acronyms"), old, NULL,
			                     international) < 0)
				return -1;
		}
	}
	return 0;
}

/* dr_strings() callback: adds to an ak_set. */
typedef struct set_arg {
	const stmtlint_host *host;
	const stmtlint_options *opts;
	ak_set *set;
} set_arg;

static int add_to_set(void *arg, const char *s, const stmtlint_node *at)
{
	set_arg *a = arg;

	if (ak_set_add(a->set, s) < 0) {
		a->host->config_error(a->opts, at, "out of memory");
		return -1;
	}
	return 0;
}

int ak_add_strings(const stmtlint_host *host, const stmtlint_options *opts,
                   const stmtlint_node *node, const char *what, ak_set *set)
{
	set_arg arg = {host, opts, set};

	return dr_strings(host, opts, node, what, add_to_set, &arg);
}

int ak_read_registry(const stmtlint_host *host, const stmtlint_options *opts,
                     const stmtlint_node *dataset, const char *name, acro_known *k)
{
	const stmtlint_node *roots[MAX_REGISTRY_FILES];
	size_t n;
	size_t i;

	if (dr_roots(host, opts, dataset, name, roots, MAX_REGISTRY_FILES, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (ak_add_strings(host, opts, host->node_get(roots[i], "well_known"), "well_known",
		                   &k->well_known) < 0 ||
		    ak_add_strings(host, opts, host->node_get(roots[i], "not_acronyms"), "not_acronyms",
		                   &k->not_acronyms) < 0 ||
		    ak_add_strings(host, opts, host->node_get(roots[i], "country_codes"),
		                   "country_codes", &k->not_acronyms) < 0 ||
		    read_bodies(host, opts, host->node_get(roots[i], "bodies"),
		                host->node_scalar(host->node_get(roots[i], "government")), k) < 0)
			return -1;
	}
	return 0;
}

static void free_set(ak_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		free(set->items[i]);
	free(set->items);
}

void ak_free(acro_known *k)
{
	size_t i;

	free_set(&k->well_known);
	free_set(&k->not_acronyms);
	for (i = 0; i < k->n_pairs; i++) {
		free(k->pairs[i].acronym);
		free(k->pairs[i].name);
		free(k->pairs[i].key);
	}
	free(k->pairs);
	memset(k, 0, sizeof(*k));
}
