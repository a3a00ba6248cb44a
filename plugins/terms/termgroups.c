/*
 * termgroups.c - the groups of variant forms (see termgroups.h).
 */
#include <ctype.h>
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
	if (!isalnum((unsigned char)f->exact[0]) && (unsigned char)f->exact[0] < 0x80) {
		host->config_error(opts, at, "a form must start with a letter or a digit");
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
		host->config_error(opts, node, "groups must be a sequence of mappings {forms, preferred}");
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

/* A form's index with the length of its folded spelling and one of its
 * buckets, for ordering. */
typedef struct form_order {
	size_t length;
	size_t index;
	size_t bucket;
} form_order;

/* By bucket, then longest first, then in data order. */
static int by_bucket_longest(const void *pa, const void *pb)
{
	const form_order *a = pa;
	const form_order *b = pb;

	if (a->bucket != b->bucket)
		return a->bucket < b->bucket ? -1 : 1;
	if (a->length != b->length)
		return a->length > b->length ? -1 : 1;
	return a->index < b->index ? -1 : 1;
}

/* The class of a byte of text as a form's byte may match it: ASCII in
 * lower case, white space as ' ', any other byte (a no-break space, a
 * non-breaking hyphen, a letter) as 0x7F. */
static unsigned char byte_class(unsigned char c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return ' ';
	if (c >= 0x80)
		return 0x7F;
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static size_t bucket_of(unsigned char first, unsigned char second)
{
	return ((size_t)byte_class(first) * 131u + byte_class(second)) % TG_BUCKETS;
}

int tg_index(term_table *table)
{
	/* A form whose second byte is a space or a hyphen is in two buckets:
	 * the text may write it with a byte that is not ASCII there. */
	form_order *o = malloc((table->n_forms ? table->n_forms : 1) * 2 * sizeof(*o));
	size_t n = 0;
	size_t i;
	size_t b;

	free(table->order);
	table->order = malloc((table->n_forms ? table->n_forms : 1) * 2 * sizeof(*table->order));
	if (!o || !table->order) {
		free(o);
		return -1;
	}
	for (i = 0; i < table->n_forms; i++) {
		const unsigned char *f = (const unsigned char *)table->forms[i].folded;

		if (tg_find(table, table->forms[i].folded, 1, 0) != (long)i)
			continue;   /* differs from an earlier form only in case: one entry */
		o[n].length = strlen(table->forms[i].folded);
		o[n].index = i;
		o[n].bucket = bucket_of(f[0], f[1]);
		n++;
		if (f[1] == ' ' || f[1] == '-') {
			o[n] = o[n - 1];
			o[n].bucket = bucket_of(f[0], 0x80);
			n++;
		}
	}
	qsort(o, n, sizeof(*o), by_bucket_longest);
	for (b = 0, i = 0; b <= TG_BUCKETS; b++) {
		table->bucket[b] = i;
		while (b < TG_BUCKETS && i < n && o[i].bucket == b) {
			table->order[i] = o[i].index;
			i++;
		}
	}
	free(o);
	return 0;
}

/* Whether the code point at text[at] (or before it, when `before`) belongs
 * to a word: then a form cannot start (or end) there. */
static int word_char_next_to(const stmtlint_host *host, const char *text, size_t length,
                             size_t at, int before)
{
	uint32_t cp;

	if (before ? at > 0 && (unsigned char)text[at - 1] < 0x80 :
	             at < length && (unsigned char)text[at] < 0x80)
		return isalnum((unsigned char)text[before ? at - 1 : at]) != 0;
	if (before) {
		size_t i = at;

		if (at == 0)
			return 0;
		do
			i--;
		while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80);
		host->utf8_decode(text + i, at - i, &cp);
	} else {
		if (at >= length)
			return 0;
		host->utf8_decode(text + at, length - at, &cp);
	}
	return host->is_word_char(cp);
}

/* The end of folded form f written at text[at], or 0. */
static size_t form_end(const stmtlint_host *host, const char *f, const char *text, size_t length,
                       size_t at)
{
	size_t i = at;
	size_t k;

	for (k = 0; f[k]; k++) {
		unsigned char c = (unsigned char)f[k];

		if (i >= length)
			return 0;
		if (c == ' ') {
			size_t start = i;
			uint32_t cp;
			size_t n;

			while (i < length) {
				if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r') {
					i++;
					continue;
				}
				if ((unsigned char)text[i] < 0x80)
					break;
				n = host->utf8_decode(text + i, length - i, &cp);
				if (!host->is_space(cp))
					break;
				i += n;
			}
			if (i == start)
				return 0;
		} else if (c == '-' && i + 3 <= length && memcmp(text + i, "\xE2\x80", 2) == 0 &&
		           ((unsigned char)text[i + 2] == 0x90 || (unsigned char)text[i + 2] == 0x91)) {
			i += 3;   /* U+2010 or U+2011 */
		} else {
			unsigned char t = (unsigned char)text[i];

			if (t >= 'A' && t <= 'Z')
				t = (unsigned char)(t - 'A' + 'a');
			if (t != c)
				return 0;
			i++;
		}
	}
	return i;
}

long tg_match(const stmtlint_host *host, const term_table *table, const char *text,
              size_t length, size_t at, size_t *end)
{
	size_t b = bucket_of((unsigned char)text[at],
	                     at + 1 < length ? (unsigned char)text[at + 1] : 0);
	size_t i;

	if (!table->order || table->bucket[b] == table->bucket[b + 1])
		return -1;
	if (word_char_next_to(host, text, length, at, 1))
		return -1;   /* inside a word */
	for (i = table->bucket[b]; i < table->bucket[b + 1]; i++) {
		size_t f = table->order[i];
		const unsigned char *folded = (const unsigned char *)table->forms[f].folded;
		size_t e;

		/* A quick look at the second and third bytes, where they are ASCII
		 * letters: most words that share a bucket differ there. */
		if (at + 2 < length && folded[1] > ' ' && folded[1] != '-' && folded[1] < 0x80 &&
		    folded[2] > ' ' &&
		    folded[2] != '-' && folded[2] < 0x80 &&
		    (byte_class((unsigned char)text[at + 1]) != folded[1] ||
		     byte_class((unsigned char)text[at + 2]) != folded[2]))
			continue;
		e = form_end(host, table->forms[f].folded, text, length, at);

		if (e > at && !word_char_next_to(host, text, length, e, 0)) {
			*end = e;
			return (long)f;
		}
	}
	return -1;
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
	free(table->order);
	memset(table, 0, sizeof(*table));
}
