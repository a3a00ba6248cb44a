/*
 * termgroups.c - the groups of variant forms (see termgroups.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "termgroups.h"
#include "textctx.h"

/* Longest form, in bytes, as written in the data. */
#define MAX_FORM_BYTES 200
/* Most forms in one group. */
#define MAX_GROUP_FORMS 16

/* A normalised copy of s (folded or not); NULL when out of memory. */
static char *normalized_copy(const stmtlint_host *host, const char *s, int fold)
{
	size_t len = strlen(s);
	size_t need = tc_normalize(host, s, len, fold, NULL, 0);
	char *out = malloc(need + 1);

	if (out)
		tc_normalize(host, s, len, fold, out, need + 1);
	return out;
}

long tg_find(const term_table *table, const char *key, int fold, size_t from)
{
	size_t i;

	for (i = from; i < table->n_forms; i++)
		if (strcmp(fold ? table->forms[i].folded : table->forms[i].exact, key) == 0)
			return (long)i;
	return -1;
}

/* Adds form s to the last group of table.  0, or -1 after config_error. */
static int add_form(const stmtlint_host *host, const stmtlint_options *opts, term_table *table,
                    const char *s, const stmtlint_node *at)
{
	term_form *f;
	long other;

	if (strlen(s) > MAX_FORM_BYTES) {
		host->config_error(opts, at, "a form is longer than %d bytes", MAX_FORM_BYTES);
		return -1;
	}
	if (table->n_forms == table->cap_forms) {
		size_t cap = table->cap_forms ? table->cap_forms * 2 : 64;
		term_form *p = realloc(table->forms, cap * sizeof(*p));

		if (!p)
			goto oom;
		table->forms = p;
		table->cap_forms = cap;
	}
	f = &table->forms[table->n_forms];
	memset(f, 0, sizeof(*f));
	f->group = table->n_groups - 1;
	f->exact = normalized_copy(host, s, 0);
	f->folded = normalized_copy(host, s, 1);
	if (!f->exact || !f->folded) {
		free(f->exact);
		free(f->folded);
		goto oom;
	}
	if (!f->exact[0] || strspn(f->exact, " -.,'") == strlen(f->exact)) {
		host->config_error(opts, at, "a form must hold a letter or a digit");
		goto fail;
	}
	other = tg_find(table, f->exact, 0, 0);
	if (other >= 0) {
		host->config_error(opts, at, "form '%s' is already in a group", s);
		goto fail;
	}
	other = tg_find(table, f->folded, 1, 0);
	if (other >= 0 && table->forms[other].group != f->group) {
		host->config_error(opts, at, "form '%s' differs only in case from '%s' of another group",
		                   s, table->forms[other].exact);
		goto fail;
	}
	table->n_forms++;
	table->groups[table->n_groups - 1].n++;
	return 0;
fail:
	free(f->exact);
	free(f->folded);
	return -1;
oom:
	host->config_error(opts, at, "out of memory");
	return -1;
}

/* Reads one group {forms, preferred}.  0, or -1 after config_error. */
static int read_group(const stmtlint_host *host, const stmtlint_options *opts,
                      const stmtlint_node *node, term_table *table)
{
	const stmtlint_node *forms = host->node_get(node, "forms");
	const stmtlint_node *preferred = host->node_get(node, "preferred");
	term_group *g;
	size_t i;
	size_t n;

	if (!forms || host->node_kind(forms) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(opts, node, "a group needs 'forms', a sequence of two or more forms");
		return -1;
	}
	n = host->node_length(forms);
	if (n < 2 || n > MAX_GROUP_FORMS) {
		host->config_error(opts, forms, "a group has 2 to %d forms", MAX_GROUP_FORMS);
		return -1;
	}
	if (table->n_groups == table->cap_groups) {
		size_t cap = table->cap_groups ? table->cap_groups * 2 : 32;
		term_group *p = realloc(table->groups, cap * sizeof(*p));

		if (!p) {
			host->config_error(opts, node, "out of memory");
			return -1;
		}
		table->groups = p;
		table->cap_groups = cap;
	}
	g = &table->groups[table->n_groups++];
	g->first = table->n_forms;
	g->n = 0;
	g->preferred = -1;
	for (i = 0; i < n; i++) {
		const stmtlint_node *item = host->node_item(forms, i);
		const char *s = host->node_scalar(item);

		if (!s) {
			host->config_error(opts, item, "a form must be a string");
			return -1;
		}
		if (add_form(host, opts, table, s, item) < 0)
			return -1;
	}
	if (preferred) {
		const char *s = host->node_scalar(preferred);

		if (!s)
			return host->config_error(opts, preferred, "'preferred' must be a string"), -1;
		return tg_prefer(host, opts, table, s, preferred);
	}
	return 0;
}

int tg_read_groups(const stmtlint_host *host, const stmtlint_options *opts,
                   const stmtlint_node *node, term_table *table)
{
	size_t i;

	if (!node)
		return 0;
	if (host->node_kind(node) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(opts, node, "terms must be a sequence of groups {forms, preferred}");
		return -1;
	}
	for (i = 0; i < host->node_length(node); i++) {
		const stmtlint_node *item = host->node_item(node, i);
		size_t k;

		if (host->node_kind(item) != STMTLINT_NODE_MAPPING) {
			host->config_error(opts, item, "a group must be a mapping {forms, preferred}");
			return -1;
		}
		for (k = 0; k < host->node_length(item); k++) {
			const char *key = host->node_scalar(host->node_key(item, k));

			if (!key || (strcmp(key, "forms") != 0 && strcmp(key, "preferred") != 0)) {
				host->config_error(opts, host->node_key(item, k),
				                   "unknown key '%s' in a group (expected forms, preferred)",
				                   key ? key : "?");
				return -1;
			}
		}
		if (read_group(host, opts, item, table) < 0)
			return -1;
	}
	return 0;
}

int tg_prefer(const stmtlint_host *host, const stmtlint_options *opts, term_table *table,
              const char *form, const stmtlint_node *at)
{
	size_t need = tc_normalize(host, form, strlen(form), 0, NULL, 0);
	char *key = malloc(need + 1);
	long f;

	if (!key) {
		host->config_error(opts, at, "out of memory");
		return -1;
	}
	tc_normalize(host, form, strlen(form), 0, key, need + 1);
	f = tg_find(table, key, 0, 0);
	free(key);
	if (f < 0) {
		host->config_error(opts, at, "'%s' is no form of any group of terms", form);
		return -1;
	}
	table->groups[table->forms[f].group].preferred = f;
	return 0;
}

/* Appends s[0, n) to *buf (of *len bytes, room *cap); 0 or -1. */
static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t c = (*cap + n + 1) * 2;
		char *p = realloc(*buf, c);

		if (!p)
			return -1;
		*buf = p;
		*cap = c;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

/* Appends form f as a pattern: a space matches any run of white space, a
 * hyphen any hyphen, other ASCII punctuation itself. */
static int append_form(char **buf, size_t *len, size_t *cap, const char *f)
{
	static const char hyphen[] = "[-\\x{2010}\\x{2011}]";
	size_t i;

	for (i = 0; f[i]; i++) {
		unsigned char c = (unsigned char)f[i];
		int rc;

		if (c == ' ')
			rc = append(buf, len, cap, "\\s+", 3);
		else if (c == '-')
			rc = append(buf, len, cap, hyphen, sizeof(hyphen) - 1);
		else if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		                       (c >= '0' && c <= '9')))
			rc = append(buf, len, cap, "\\", 1) < 0 ? -1 : append(buf, len, cap, f + i, 1);
		else
			rc = append(buf, len, cap, f + i, 1);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* A form's index with the length of its folded spelling, for ordering. */
typedef struct form_order {
	size_t length;
	size_t index;
} form_order;

/* Longest first; in data order among forms of one length. */
static int longer_first(const void *pa, const void *pb)
{
	const form_order *a = pa;
	const form_order *b = pb;

	if (a->length != b->length)
		return a->length > b->length ? -1 : 1;
	return a->index < b->index ? -1 : 1;
}

char *tg_pattern(const term_table *table)
{
	static const char head[] = "(?<![\\p{L}\\p{N}])(?:";
	static const char tail[] = ")(?![\\p{L}\\p{N}])";
	form_order *order = malloc((table->n_forms ? table->n_forms : 1) * sizeof(*order));
	char *buf = NULL;
	size_t len = 0;
	size_t cap = 0;
	size_t i;
	int rc;

	if (!order)
		return NULL;
	for (i = 0; i < table->n_forms; i++) {
		order[i].length = strlen(table->forms[i].folded);
		order[i].index = i;
	}
	qsort(order, table->n_forms, sizeof(*order), longer_first);
	rc = append(&buf, &len, &cap, head, sizeof(head) - 1);
	for (i = 0; rc == 0 && i < table->n_forms; i++) {
		const term_form *f = &table->forms[order[i].index];

		if (tg_find(table, f->folded, 1, 0) != (long)order[i].index)
			continue;   /* differs from an earlier form only in case: one alternative */
		if (len > sizeof(head) - 1)
			rc = append(&buf, &len, &cap, "|", 1);
		if (rc == 0)
			rc = append_form(&buf, &len, &cap, f->folded);
	}
	if (rc == 0)
		rc = append(&buf, &len, &cap, tail, sizeof(tail) - 1);
	free(order);
	if (rc < 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

void tg_free(term_table *table)
{
	size_t i;

	for (i = 0; i < table->n_forms; i++) {
		free(table->forms[i].exact);
		free(table->forms[i].folded);
	}
	free(table->forms);
	free(table->groups);
	memset(table, 0, sizeof(*table));
}
