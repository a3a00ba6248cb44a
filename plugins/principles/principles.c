/*
 * principles.c - the `principles` plugin: the agreed items of a dialogue
 * (principles, commitments) are in the draft, complete, in their agreed
 * order and numbers, once each, and in the agreed words.
 *
 * The rule data (option `items`) names each agreed item with its id, its
 * agreed number, its agreed text and the key phrases that find it even when
 * reworded.  Option `announce` is a pattern whose group `count` is the
 * number of items the draft announces ("the following five principles").
 * The rule-data format and the decisions below are documented in
 * stmtlint-rules(5).
 *
 * How a draft is checked:
 *   1. every ITEM, BULLET and PARAGRAPH block is tokenized into words and
 *      matched against the key phrases; a block is an occurrence of the
 *      agreed item with the best share of its key phrases found, when at
 *      least `min-keys` of them are found;
 *   2. occurrences in consecutive blocks (only list blocks or comments in
 *      between) form a candidate list; the one with the most distinct
 *      agreed items is "the list", extended by the adjacent entries of the
 *      same kind and depth (extra items not agreed);
 *   3. the list is checked: missing, duplicate, number, order, wording; the
 *      announcement before it is checked against the number of entries.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stmtlint/plugin.h>

#include "wordiff.h"

enum {
	CHECK_MISSING,
	CHECK_NUMBER,
	CHECK_ORDER,
	CHECK_DUPLICATE,
	CHECK_WORDING,
	CHECK_COUNT
};

static const stmtlint_check_spec checks[] = {
	[CHECK_MISSING] = {"missing", STMTLINT_ERROR, "an agreed item is missing from the list"},
	[CHECK_NUMBER] = {"number", STMTLINT_WARNING,
	                  "an agreed item is numbered differently from its agreed number"},
	[CHECK_ORDER] = {"order", STMTLINT_WARNING, "an agreed item is out of its agreed order"},
	[CHECK_DUPLICATE] = {"duplicate", STMTLINT_WARNING, "an agreed item is listed twice"},
	[CHECK_WORDING] = {"wording", STMTLINT_WARNING,
	                   "an agreed item's wording differs from the agreed text"},
	[CHECK_COUNT] = {"count", STMTLINT_WARNING,
	                 "the announced number of items disagrees with the items listed"},
};

static const stmtlint_option_spec options[] = {
	{.name = "announce", .type = STMTLINT_OPT_STRING,
	 .help = "PCRE2 pattern (caseless) of the sentence announcing the list; its named "
	         "group `count` is the announced number"},
	{.name = "items", .type = STMTLINT_OPT_DATA,
	 .help = "the agreed items, in agreed order: id, number, agreed, key, min-keys"},
};

/* Most key phrases per item (one bit each in a match mask). */
#define MAX_KEYS 64
/* Largest word table wd_diff() may build for one item. */
#define MAX_DIFF_CELLS ((size_t)1 << 22)
/* Differences shown in a wording message, and bytes per quoted piece. */
#define MAX_HUNKS_SHOWN 4
#define MAX_QUOTE_BYTES 80
#define NO_ITEM ((size_t)-1)

typedef struct agreed_item {
	char *id;
	int number;            /* agreed number, 0 when none */
	char *agreed;          /* the agreed text, white space collapsed, joiner trimmed */
	wd_words words;        /* its words */
	wd_words *keys;        /* key phrases, as words */
	size_t n_keys;
	size_t min_keys;       /* key phrases that must be found */
} agreed_item;

/* A key phrase by the hash of its first word, for lookup while scanning. */
typedef struct key_ref {
	uint64_t hash;
	size_t item;
	size_t key;
} key_ref;

typedef struct principles_state {
	agreed_item *items;
	size_t n_items;
	key_ref *refs;         /* sorted by hash */
	size_t n_refs;
	int base_number;       /* the smallest agreed number, 0 when none */
	stmtlint_regex *announce;
	int count_group;
} principles_state;

/* One entry of the list found in the draft. */
typedef struct list_entry {
	size_t block;
	size_t item;           /* NO_ITEM: an entry that is no agreed item */
	int duplicate;         /* a later occurrence of an item already listed */
	int numbered_wrong;    /* reported as `number` */
	int in_order;          /* part of the longest in-order run */
} list_entry;

typedef struct block_match {
	size_t block;
	size_t item;
} block_match;

/* ---------------------------------------------------------------- */
/* Small helpers                                                      */
/* ---------------------------------------------------------------- */

static void free_item(agreed_item *item)
{
	size_t k;

	free(item->id);
	free(item->agreed);
	wd_words_free(&item->words);
	for (k = 0; k < item->n_keys; k++)
		wd_words_free(&item->keys[k]);
	free(item->keys);
}

static void free_state(const stmtlint_host *host, principles_state *st)
{
	size_t i;

	if (!st)
		return;
	for (i = 0; i < st->n_items; i++)
		free_item(&st->items[i]);
	free(st->items);
	free(st->refs);
	if (st->announce)
		host->regex_free(st->announce);
	free(st);
}

/* A copy of s[0, len) with runs of white space made one space and leading
 * and trailing white space dropped; NULL when out of memory. */
static char *collapse_space(const char *s, size_t len)
{
	char *out = malloc(len + 1);
	size_t n = 0;
	size_t i;
	int space = 0;

	if (!out)
		return NULL;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		out[n++] = c;
	}
	out[n] = '\0';
	return out;
}

static int is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* A positive integer scalar, or -1. */
static long parse_positive(const char *s)
{
	long v = 0;
	size_t i;

	if (!s || !s[0] || strlen(s) > 6)
		return -1;
	for (i = 0; s[i]; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v > 0 ? v : -1;
}

static int compare_refs(const void *pa, const void *pb)
{
	const key_ref *a = pa;
	const key_ref *b = pb;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->item != b->item)
		return a->item < b->item ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return 0;
}

/* ---------------------------------------------------------------- */
/* init: the rule data                                                */
/* ---------------------------------------------------------------- */

/* Reads one key phrase into *words; 0, or -1 after a config error. */
static int read_key(const stmtlint_host *host, const stmtlint_options *opts,
                    const stmtlint_node *node, const agreed_item *item, wd_words *words)
{
	const char *phrase = host->node_scalar(node);

	if (!phrase) {
		host->config_error(opts, node, "a key phrase must be a string");
		return -1;
	}
	if (wd_tokenize(words, phrase, 0, strlen(phrase)) < 0) {
		host->config_error(opts, node, "out of memory");
		return -1;
	}
	if (words->n == 0) {
		host->config_error(opts, node, "key phrase '%s' has no words", phrase);
		return -1;
	}
	if (wd_find(&item->words, 0, words) == SIZE_MAX) {
		host->config_error(opts, node,
		                   "key phrase '%s' does not occur in the agreed text of item '%s'",
		                   phrase, item->id);
		return -1;
	}
	return 0;
}

/* Reads the key phrases of an item (a string or a sequence of strings);
 * without them the whole agreed text is the one key phrase. */
static int read_keys(const stmtlint_host *host, const stmtlint_options *opts,
                     const stmtlint_node *node, agreed_item *item)
{
	size_t n;
	size_t k;

	if (!node || host->node_kind(node) == STMTLINT_NODE_SCALAR) {
		item->keys = calloc(1, sizeof(*item->keys));
		if (!item->keys) {
			host->config_error(opts, node, "out of memory");
			return -1;
		}
		item->n_keys = 1;
		if (!node) {
			if (wd_tokenize(&item->keys[0], item->agreed, 0, strlen(item->agreed)) < 0) {
				host->config_error(opts, NULL, "out of memory");
				return -1;
			}
			return 0;
		}
		return read_key(host, opts, node, item, &item->keys[0]);
	}
	if (host->node_kind(node) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(opts, node, "'key' must be a string or a sequence of strings");
		return -1;
	}
	n = host->node_length(node);
	if (n == 0 || n > MAX_KEYS) {
		host->config_error(opts, node, "'key' must have 1 to %d key phrases", MAX_KEYS);
		return -1;
	}
	item->keys = calloc(n, sizeof(*item->keys));
	if (!item->keys) {
		host->config_error(opts, node, "out of memory");
		return -1;
	}
	item->n_keys = n;
	for (k = 0; k < n; k++) {
		if (read_key(host, opts, host->node_item(node, k), item, &item->keys[k]) < 0)
			return -1;
	}
	return 0;
}

/* Reads agreed item `index` from `node` into st->items[index]; 0, or -1
 * after a config error. */
static int read_item(const stmtlint_host *host, const stmtlint_options *opts,
                     const stmtlint_node *node, principles_state *st, size_t index)
{
	static const char *const known[] = {"id", "number", "agreed", "key", "min-keys"};
	agreed_item *item = &st->items[index];
	const stmtlint_node *id_node;
	const stmtlint_node *number_node;
	const stmtlint_node *agreed_node;
	const stmtlint_node *min_node;
	const char *s;
	size_t i;
	size_t k;

	if (host->node_kind(node) != STMTLINT_NODE_MAPPING) {
		host->config_error(opts, node, "an agreed item must be a mapping with 'id' and 'agreed'");
		return -1;
	}
	for (i = 0; i < host->node_length(node); i++) {
		const stmtlint_node *key = host->node_key(node, i);
		const char *name = host->node_scalar(key);
		int found = 0;

		for (k = 0; name && k < sizeof(known) / sizeof(known[0]); k++)
			found |= strcmp(name, known[k]) == 0;
		if (!found) {
			host->config_error(opts, key,
			                   "unknown key '%s' in an agreed item (expected id, number, "
			                   "agreed, key, min-keys)", name ? name : "?");
			return -1;
		}
	}
	id_node = host->node_get(node, "id");
	agreed_node = host->node_get(node, "agreed");
	if (!id_node || !agreed_node) {
		host->config_error(opts, node, "an agreed item needs '%s'", id_node ? "agreed" : "id");
		return -1;
	}
	s = host->node_scalar(id_node);
	for (i = 0; s && s[i] && is_id_char(s[i]); i++)
		;
	if (!s || !s[0] || s[i]) {
		host->config_error(opts, id_node, "'id' must be a name of a-z, 0-9, '-' and '_'");
		return -1;
	}
	for (k = 0; k < index; k++) {
		if (strcmp(st->items[k].id, s) == 0) {
			host->config_error(opts, id_node, "duplicate id '%s' (also agreed item %zu)", s,
			                   k + 1);
			return -1;
		}
	}
	item->id = strdup(s);
	if (!item->id) {
		host->config_error(opts, id_node, "out of memory");
		return -1;
	}
	number_node = host->node_get(node, "number");
	if (number_node) {
		long v = parse_positive(host->node_scalar(number_node));

		if (v < 0) {
			host->config_error(opts, number_node, "'number' must be a positive integer");
			return -1;
		}
		for (k = 0; k < index; k++) {
			if (st->items[k].number == v) {
				host->config_error(opts, number_node,
				                   "duplicate number %ld (also item '%s')", v, st->items[k].id);
				return -1;
			}
			if (st->items[k].number > v) {
				host->config_error(opts, number_node,
				                   "number %ld comes after item '%s' numbered %d: list the "
				                   "items in their agreed order", v, st->items[k].id,
				                   st->items[k].number);
				return -1;
			}
		}
		item->number = (int)v;
	}
	s = host->node_scalar(agreed_node);
	if (!s) {
		host->config_error(opts, agreed_node, "'agreed' must be a string");
		return -1;
	}
	item->agreed = collapse_space(s, wd_trim_joiner(s, 0, strlen(s)));
	if (!item->agreed || wd_tokenize(&item->words, item->agreed, 0, strlen(item->agreed)) < 0) {
		host->config_error(opts, agreed_node, "out of memory");
		return -1;
	}
	if (item->words.n == 0) {
		host->config_error(opts, agreed_node, "'agreed' has no words");
		return -1;
	}
	if (read_keys(host, opts, host->node_get(node, "key"), item) < 0)
		return -1;
	item->min_keys = (item->n_keys + 1) / 2;
	min_node = host->node_get(node, "min-keys");
	if (min_node) {
		long v = parse_positive(host->node_scalar(min_node));

		if (v < 0 || (size_t)v > item->n_keys) {
			host->config_error(opts, min_node, "'min-keys' must be from 1 to %zu", item->n_keys);
			return -1;
		}
		item->min_keys = (size_t)v;
	}
	return 0;
}

/* Builds the first-word index of all key phrases. */
static int index_keys(principles_state *st)
{
	size_t n = 0;
	size_t i;
	size_t k;

	for (i = 0; i < st->n_items; i++)
		n += st->items[i].n_keys;
	st->refs = calloc(n ? n : 1, sizeof(*st->refs));
	if (!st->refs)
		return -1;
	for (i = 0; i < st->n_items; i++) {
		for (k = 0; k < st->items[i].n_keys; k++) {
			st->refs[st->n_refs].hash = st->items[i].keys[k].v[0].hash;
			st->refs[st->n_refs].item = i;
			st->refs[st->n_refs].key = k;
			st->n_refs++;
		}
	}
	qsort(st->refs, st->n_refs, sizeof(*st->refs), compare_refs);
	return 0;
}

static int principles_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	principles_state *st = calloc(1, sizeof(*st));
	const stmtlint_node *items = host->option(opts, "items");
	const char *announce = host->option_string(opts, "announce");
	size_t n;
	size_t i;

	*state = NULL;
	wd_use_host(host);
	if (!st) {
		host->config_error(opts, NULL, "out of memory");
		return -1;
	}
	if (announce && announce[0]) {
		st->announce = host->regex_compile(opts, host->option(opts, "announce"), announce,
		                                   STMTLINT_RE_CASELESS);
		if (!st->announce)
			goto fail;
		st->count_group = host->regex_group(st->announce, "count");
		if (st->count_group < 1) {
			host->config_error(opts, host->option(opts, "announce"),
			                   "the 'announce' pattern needs a named group 'count', "
			                   "e.g. (?<count>\\w+)");
			goto fail;
		}
	}
	if (items) {
		if (host->node_kind(items) != STMTLINT_NODE_SEQUENCE) {
			host->config_error(opts, items, "'items' must be a sequence of agreed items");
			goto fail;
		}
		n = host->node_length(items);
		st->items = calloc(n ? n : 1, sizeof(*st->items));
		if (!st->items) {
			host->config_error(opts, items, "out of memory");
			goto fail;
		}
		for (i = 0; i < n; i++) {
			st->n_items = i + 1;
			if (read_item(host, opts, host->node_item(items, i), st, i) < 0)
				goto fail;
			if (st->items[i].number && (!st->base_number || st->items[i].number < st->base_number))
				st->base_number = st->items[i].number;
		}
	}
	if (index_keys(st) < 0) {
		host->config_error(opts, NULL, "out of memory");
		goto fail;
	}
	*state = st;
	return 0;
fail:
	free_state(host, st);
	return -1;
}

static void principles_fini(const stmtlint_host *host, void *state)
{
	free_state(host, state);
}

/* ---------------------------------------------------------------- */
/* check: finding the items                                           */
/* ---------------------------------------------------------------- */

static int is_list_kind(stmtlint_block_kind kind)
{
	return kind == STMTLINT_BLOCK_ITEM || kind == STMTLINT_BLOCK_BULLET;
}

/* The part of a block to read: its content, or the whole block. */
static stmtlint_span block_text(const stmtlint_block *b)
{
	if (b->content.end > b->content.start)
		return b->content;
	return b->span;
}

/* Per-check scratch memory, freed before check() returns. */
typedef struct scratch {
	wd_words words;
	uint64_t *found;        /* per item: key phrases found in this block */
	size_t *touched;        /* items with found != 0 */
	size_t n_touched;
	block_match *matches;
	size_t n_matches;
	size_t cap_matches;
	list_entry *entries;
	size_t n_entries;
	size_t *first;          /* per item: its first entry, or NO_ITEM */
	size_t *stamp;          /* per item: last candidate list counted in; later,
	                           the entry a missing item belongs before */
	char *msg;              /* message being built */
	size_t msg_len;
	size_t msg_cap;
} scratch;

static void scratch_free(scratch *s)
{
	wd_words_free(&s->words);
	free(s->found);
	free(s->touched);
	free(s->matches);
	free(s->entries);
	free(s->first);
	free(s->stamp);
	free(s->msg);
}

static size_t popcount64(uint64_t v)
{
	size_t n = 0;

	while (v) {
		v &= v - 1;
		n++;
	}
	return n;
}

/* Whether item a is a better match than item b for a block written with
 * number `value`: a larger share of its key phrases, more of them, its
 * agreed number written, or earlier in the agreed order. */
static int better_match(const principles_state *st, const scratch *s, size_t a, size_t b,
                        int value)
{
	size_t fa = popcount64(s->found[a]);
	size_t fb = popcount64(s->found[b]);
	size_t share_a = fa * st->items[b].n_keys;
	size_t share_b = fb * st->items[a].n_keys;

	if (share_a != share_b)
		return share_a > share_b;
	if (fa != fb)
		return fa > fb;
	if (value > 0 && (st->items[a].number == value) != (st->items[b].number == value))
		return st->items[a].number == value;
	return a < b;
}

/* Finds the agreed item block `b` is an occurrence of; NO_ITEM when none.
 * Returns -1 when out of memory. */
static int match_block(const principles_state *st, scratch *s, const stmtlint_doc *doc,
                       size_t b, size_t *item)
{
	const stmtlint_block *block = &doc->blocks[b];
	stmtlint_span text = block_text(block);
	size_t best = NO_ITEM;
	size_t i;

	*item = NO_ITEM;
	wd_words_clear(&s->words);
	if (wd_tokenize(&s->words, doc->prose, text.start, text.end) < 0)
		return -1;
	for (i = 0; i < s->words.n; i++) {
		uint64_t hash = s->words.v[i].hash;
		size_t lo = 0;
		size_t hi = st->n_refs;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (st->refs[mid].hash < hash)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < st->n_refs && st->refs[lo].hash == hash; lo++) {
			const key_ref *ref = &st->refs[lo];
			uint64_t bit = (uint64_t)1 << ref->key;

			if (s->found[ref->item] & bit)
				continue;
			if (!wd_match_at(&s->words, i, &st->items[ref->item].keys[ref->key]))
				continue;
			if (!s->found[ref->item])
				s->touched[s->n_touched++] = ref->item;
			s->found[ref->item] |= bit;
		}
	}
	for (i = 0; i < s->n_touched; i++) {
		size_t it = s->touched[i];

		if (popcount64(s->found[it]) < st->items[it].min_keys)
			continue;
		if (best == NO_ITEM || better_match(st, s, it, best, block->value))
			best = it;
	}
	for (i = 0; i < s->n_touched; i++)
		s->found[s->touched[i]] = 0;
	s->n_touched = 0;
	*item = best;
	return 0;
}

/* Records the occurrences of agreed items in the draft's blocks. */
static int find_matches(const principles_state *st, scratch *s, const stmtlint_doc *doc)
{
	size_t b;

	for (b = 0; b < doc->n_blocks; b++) {
		stmtlint_block_kind kind = doc->blocks[b].kind;
		size_t item;

		if (!is_list_kind(kind) && kind != STMTLINT_BLOCK_PARAGRAPH)
			continue;
		if (match_block(st, s, doc, b, &item) < 0)
			return -1;
		if (item == NO_ITEM)
			continue;
		if (s->n_matches == s->cap_matches) {
			size_t cap = s->cap_matches ? s->cap_matches * 2 : 16;
			block_match *grown = realloc(s->matches, cap * sizeof(*grown));

			if (!grown)
				return -1;
			s->matches = grown;
			s->cap_matches = cap;
		}
		s->matches[s->n_matches].block = b;
		s->matches[s->n_matches].item = item;
		s->n_matches++;
	}
	return 0;
}

/* Whether occurrences in blocks a < b are in one list: both list entries
 * with only list entries or comments between them, or both paragraphs with
 * only comments between them. */
static int same_list(const stmtlint_doc *doc, size_t a, size_t b)
{
	int list = is_list_kind(doc->blocks[a].kind);
	size_t i;

	if (list != is_list_kind(doc->blocks[b].kind))
		return 0;
	for (i = a + 1; i < b; i++) {
		stmtlint_block_kind kind = doc->blocks[i].kind;

		if (kind == STMTLINT_BLOCK_COMMENT || (list && is_list_kind(kind)))
			continue;
		return 0;
	}
	return 1;
}

/* Whether block i is another entry of a list whose first occurrence is f. */
static int same_entry_kind(const stmtlint_doc *doc, size_t i, size_t f)
{
	const stmtlint_block *a = &doc->blocks[i];
	const stmtlint_block *b = &doc->blocks[f];

	return is_list_kind(b->kind) && a->kind == b->kind && a->depth == b->depth &&
	       a->bullet == b->bullet;
}

/* Chooses the candidate list with the most distinct agreed items and fills
 * s->entries with it, extended by adjacent entries of the same kind. */
static int build_list(scratch *s, const stmtlint_doc *doc)
{
	size_t best_first = 0;
	size_t best_last = 0;
	size_t best_distinct = 0;
	size_t first = 0;
	size_t distinct = 0;
	size_t group = 0;
	size_t k;
	size_t m;
	size_t lo;
	size_t hi;
	size_t b;

	if (s->n_matches == 0)
		return 0;
	for (k = 0; k < s->n_matches; k++) {
		if (k > 0 && !same_list(doc, s->matches[k - 1].block, s->matches[k].block)) {
			group++;
			first = k;
			distinct = 0;
		}
		if (s->stamp[s->matches[k].item] != group + 1) {
			s->stamp[s->matches[k].item] = group + 1;
			distinct++;
		}
		if (distinct > best_distinct) {
			best_distinct = distinct;
			best_first = first;
			best_last = k;
		} else if (first == best_first && distinct == best_distinct) {
			best_last = k;
		}
	}
	/* The block range of the list, extended over adjacent entries. */
	b = s->matches[best_first].block;
	lo = b;
	while (lo > 0) {
		stmtlint_block_kind kind = doc->blocks[lo - 1].kind;

		if (same_entry_kind(doc, lo - 1, b) || kind == STMTLINT_BLOCK_COMMENT ||
		    (is_list_kind(kind) && doc->blocks[lo - 1].depth > doc->blocks[b].depth))
			lo--;
		else
			break;
	}
	hi = s->matches[best_last].block;
	while (hi + 1 < doc->n_blocks) {
		stmtlint_block_kind kind = doc->blocks[hi + 1].kind;

		if (same_entry_kind(doc, hi + 1, b) || kind == STMTLINT_BLOCK_COMMENT ||
		    (is_list_kind(kind) && doc->blocks[hi + 1].depth > doc->blocks[b].depth))
			hi++;
		else
			break;
	}
	s->entries = calloc(hi - lo + 1, sizeof(*s->entries));
	if (!s->entries)
		return -1;
	m = best_first;
	for (k = lo; k <= hi; k++) {
		size_t item = NO_ITEM;

		while (m <= best_last && s->matches[m].block < k)
			m++;
		if (m <= best_last && s->matches[m].block == k)
			item = s->matches[m].item;
		else if (!same_entry_kind(doc, k, b))
			continue;
		s->entries[s->n_entries].block = k;
		s->entries[s->n_entries].item = item;
		s->n_entries++;
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* check: judging the list                                            */
/* ---------------------------------------------------------------- */

/* The written number of an entry, 0 when none. */
static int written_number(const stmtlint_doc *doc, const list_entry *e)
{
	const stmtlint_block *b = &doc->blocks[e->block];

	if (is_list_kind(b->kind) && b->number.end > b->number.start)
		return b->value;
	return 0;
}

/* Marks duplicates and each item's first entry. */
static void mark_duplicates(const principles_state *st, scratch *s)
{
	size_t i;

	for (i = 0; i < st->n_items; i++)
		s->first[i] = NO_ITEM;
	for (i = 0; i < s->n_entries; i++) {
		size_t item = s->entries[i].item;

		if (item == NO_ITEM)
			continue;
		if (s->first[item] == NO_ITEM)
			s->first[item] = i;
		else
			s->entries[i].duplicate = 1;
	}
}

/* Whether the list is numbered 1, 2, 3 … from the first agreed number: then
 * a number that differs from an item's agreed one comes from a missing,
 * extra or misplaced item, reported as such. */
static int numbered_in_sequence(const principles_state *st, const scratch *s,
                                const stmtlint_doc *doc)
{
	size_t i;

	for (i = 0; i < s->n_entries; i++) {
		if (written_number(doc, &s->entries[i]) != st->base_number + (int)i)
			return 0;
	}
	return 1;
}

/* Marks entries whose written number differs from the agreed one. */
static void mark_numbers(const principles_state *st, scratch *s, const stmtlint_doc *doc)
{
	size_t i;

	if (!st->base_number || numbered_in_sequence(st, s, doc))
		return;
	for (i = 0; i < s->n_entries; i++) {
		list_entry *e = &s->entries[i];
		int written = written_number(doc, e);

		if (e->item == NO_ITEM || e->duplicate || !written || !st->items[e->item].number)
			continue;
		e->numbered_wrong = written != st->items[e->item].number;
	}
}

/* Marks the longest run of first occurrences in agreed order (a longest
 * increasing subsequence of item indexes); the others are out of order. */
static int mark_order(scratch *s)
{
	size_t *tails = malloc((s->n_entries + 1) * sizeof(*tails));
	size_t *prev = malloc((s->n_entries + 1) * sizeof(*prev));
	size_t len = 0;
	size_t i;

	if (!tails || !prev) {
		free(tails);
		free(prev);
		return -1;
	}
	for (i = 0; i < s->n_entries; i++) {
		size_t lo = 0;
		size_t hi = len;

		if (s->entries[i].item == NO_ITEM || s->entries[i].duplicate)
			continue;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (s->entries[tails[mid]].item < s->entries[i].item)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tails[lo - 1] : NO_ITEM;
		tails[lo] = i;
		if (lo == len)
			len++;
	}
	if (len > 0) {
		i = tails[len - 1];
		while (i != NO_ITEM) {
			s->entries[i].in_order = 1;
			i = prev[i];
		}
	}
	free(tails);
	free(prev);
	return 0;
}

/* The first line of a block, from its first byte to the end of that line
 * (or of the block). */
static stmtlint_span block_head(const stmtlint_doc *doc, size_t b)
{
	const stmtlint_block *block = &doc->blocks[b];
	stmtlint_span head = block->span;

	if (block->first_line < doc->n_lines && doc->lines[block->first_line].end < head.end)
		head.end = doc->lines[block->first_line].end;
	if (head.end < head.start)
		head.end = head.start;
	return head;
}

static int item_label_number(const principles_state *st, size_t item)
{
	return st->items[item].number ? st->items[item].number : (int)item + 1;
}

/* Where a missing item is reported: in the list before or after an entry,
 * or nowhere near a list. */
enum missing_where { MISSING_BEFORE, MISSING_AFTER, MISSING_NO_LIST };

static void report_missing(const stmtlint_host *host, const principles_state *st,
                           stmtlint_ctx *ctx, size_t item, stmtlint_span at,
                           enum missing_where where)
{
	static const char *const tail[] = {
		[MISSING_BEFORE] = "this list: it belongs before this entry",
		[MISSING_AFTER] = "this list: it belongs after this entry",
		[MISSING_NO_LIST] = "the draft",
	};
	stmtlint_diag *d;

	d = host->report(ctx, CHECK_MISSING, at.start, at.end, "agreed item %d (%s) is missing from %s",
	                 item_label_number(st, item), st->items[item].id, tail[where]);
	host->note(d, at.start, at.end, "agreed text: \xE2\x80\x98%s\xE2\x80\x99",
	           st->items[item].agreed);
}

/* Appends printf-formatted text to the message being built. */
static int msg_add(scratch *s, const char *fmt, ...) STMTLINT_PRINTF(2, 3);

static int msg_add(scratch *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if (s->msg_len + (size_t)n + 1 > s->msg_cap) {
		size_t cap = (s->msg_len + (size_t)n + 1) * 2;
		char *grown = realloc(s->msg, cap);

		if (!grown)
			return -1;
		s->msg = grown;
		s->msg_cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(s->msg + s->msg_len, s->msg_cap - s->msg_len, fmt, ap);
	va_end(ap);
	s->msg_len += (size_t)n;
	return 0;
}

/* Appends ‘words[from, to)’ of source text `src`, white space collapsed and
 * cut after MAX_QUOTE_BYTES at a character boundary. */
static int msg_quote(scratch *s, const char *src, const wd_words *w, size_t from, size_t to)
{
	size_t start = w->v[from].start;
	size_t end = w->v[to - 1].end;
	char piece[MAX_QUOTE_BYTES + 8];
	size_t n = 0;
	size_t p;
	int space = 0;

	for (p = start; p < end; p++) {
		char c = src[p];

		if (n >= MAX_QUOTE_BYTES && ((unsigned char)c & 0xC0) != 0x80) {
			memcpy(piece + n, "\xE2\x80\xA6", 3);
			n += 3;
			break;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space)
			piece[n++] = ' ';
		space = 0;
		piece[n++] = c;
	}
	piece[n] = '\0';
	return msg_add(s, "\xE2\x80\x98%s\xE2\x80\x99", piece);
}

/* Builds "dropped ‘…’; added ‘…’; changed ‘…’ to ‘…’" into s->msg. */
static int describe_hunks(scratch *s, const agreed_item *item, const char *text,
                          const wd_words *draft, const wd_hunk *hunks, size_t n_hunks)
{
	size_t h;

	for (h = 0; h < n_hunks && h < MAX_HUNKS_SHOWN; h++) {
		const wd_hunk *k = &hunks[h];
		int rc;

		if (h > 0 && msg_add(s, "; ") < 0)
			return -1;
		if (k->b_start == k->b_end) {
			rc = msg_add(s, "dropped ");
			rc = rc < 0 ? rc : msg_quote(s, item->agreed, &item->words, k->a_start, k->a_end);
		} else if (k->a_start == k->a_end) {
			rc = msg_add(s, "added ");
			rc = rc < 0 ? rc : msg_quote(s, text, draft, k->b_start, k->b_end);
		} else {
			rc = msg_add(s, "changed ");
			rc = rc < 0 ? rc : msg_quote(s, item->agreed, &item->words, k->a_start, k->a_end);
			rc = rc < 0 ? rc : msg_add(s, " to ");
			rc = rc < 0 ? rc : msg_quote(s, text, draft, k->b_start, k->b_end);
		}
		if (rc < 0)
			return -1;
	}
	if (n_hunks > MAX_HUNKS_SHOWN &&
	    msg_add(s, "; and %zu more differences", n_hunks - MAX_HUNKS_SHOWN) < 0)
		return -1;
	return 0;
}

/* Compares an entry's words with its agreed text and reports a difference. */
static int check_wording(const stmtlint_host *host, const principles_state *st, scratch *s,
                         stmtlint_ctx *ctx, const stmtlint_doc *doc, const list_entry *e)
{
	const agreed_item *item = &st->items[e->item];
	stmtlint_span text = block_text(&doc->blocks[e->block]);
	size_t start = text.start;
	size_t end = wd_trim_joiner(doc->prose, text.start, text.end);
	wd_hunk *hunks = NULL;
	size_t n_hunks = 0;
	stmtlint_diag *d;
	int rc;

	while (start < end && (doc->prose[start] == ' ' || doc->prose[start] == '\t' ||
	                       doc->prose[start] == '\n' || doc->prose[start] == '\r'))
		start++;
	wd_words_clear(&s->words);
	if (wd_tokenize(&s->words, doc->prose, start, end) < 0)
		return -1;
	if (wd_same_wording(&item->words, &s->words))
		return 0;
	s->msg_len = 0;
	if (msg_add(s, "wording differs from agreed item %d (%s)", item_label_number(st, e->item),
	            item->id) < 0)
		return -1;
	rc = wd_diff(&item->words, &s->words, MAX_DIFF_CELLS, &hunks, &n_hunks);
	if (rc == WD_NOMEM)
		return -1;
	if (rc == WD_OK && n_hunks > 0) {
		rc = msg_add(s, ": ");
		if (rc == 0)
			rc = describe_hunks(s, item, doc->text, &s->words, hunks, n_hunks);
		free(hunks);
		if (rc < 0)
			return -1;
	}
	d = host->report(ctx, CHECK_WORDING, start, end, "%s", s->msg);
	/* The fix is certain only where the item is small enough to compare
	 * word by word and its text holds no markup. */
	if (rc == WD_OK && memcmp(doc->text + start, doc->prose + start, end - start) == 0)
		host->fix(d, start, end, item->agreed);
	return 0;
}

static void check_number(const stmtlint_host *host, const principles_state *st,
                         stmtlint_ctx *ctx, const stmtlint_doc *doc, const list_entry *e)
{
	const stmtlint_block *b = &doc->blocks[e->block];
	const agreed_item *item = &st->items[e->item];
	size_t start = b->number.start;
	size_t end;
	stmtlint_diag *d;
	char digits[16];

	d = host->report(ctx, CHECK_NUMBER, b->number.start, b->number.end,
	                 "agreed item %d (%s) is numbered %d here", item->number, item->id,
	                 b->value);
	/* Replace the digits of the written number with the agreed ones. */
	while (start < b->number.end && (doc->text[start] < '0' || doc->text[start] > '9'))
		start++;
	end = start;
	while (end < b->number.end && doc->text[end] >= '0' && doc->text[end] <= '9')
		end++;
	if (end > start) {
		snprintf(digits, sizeof(digits), "%d", item->number);
		host->fix(d, start, end, digits);
	}
}

static void check_order(const stmtlint_host *host, const principles_state *st,
                        stmtlint_ctx *ctx, const stmtlint_doc *doc, const scratch *s, size_t i)
{
	const list_entry *e = &s->entries[i];
	stmtlint_span at = block_head(doc, e->block);
	size_t j;

	/* Name the nearest in-order item it should come before or after. */
	for (j = i; j-- > 0;) {
		const list_entry *o = &s->entries[j];

		if (o->in_order && o->item > e->item) {
			host->report(ctx, CHECK_ORDER, at.start, at.end,
			             "agreed item %d (%s) is out of order: it is agreed to come before "
			             "item %d (%s)", item_label_number(st, e->item), st->items[e->item].id,
			             item_label_number(st, o->item), st->items[o->item].id);
			return;
		}
	}
	for (j = i + 1; j < s->n_entries; j++) {
		const list_entry *o = &s->entries[j];

		if (o->in_order && o->item < e->item) {
			host->report(ctx, CHECK_ORDER, at.start, at.end,
			             "agreed item %d (%s) is out of order: it is agreed to come after "
			             "item %d (%s)", item_label_number(st, e->item), st->items[e->item].id,
			             item_label_number(st, o->item), st->items[o->item].id);
			return;
		}
	}
}

/* The entry before which missing item `item` belongs: the first entry of a
 * later agreed item, moved back over entries that are no agreed item (one of
 * them is likely its rewording); n_entries when it belongs after the last. */
static size_t missing_place(const scratch *s, size_t item)
{
	size_t i;

	for (i = 0; i < s->n_entries; i++) {
		const list_entry *e = &s->entries[i];

		if (e->item != NO_ITEM && !e->duplicate && e->item > item)
			break;
	}
	while (i > 0 && s->entries[i - 1].item == NO_ITEM)
		i--;
	return i;
}

/* The announcement of the list: the last match before the list (or the
 * first match when there is no list).  Sets *count to the group's span and
 * returns 1 when found. */
static int find_announce(const stmtlint_host *host, const principles_state *st,
                         stmtlint_ctx *ctx, const stmtlint_doc *doc, size_t before,
                         stmtlint_span *whole, stmtlint_span *count)
{
	size_t ov[2 * 16];
	size_t pairs = (size_t)st->count_group + 1;
	size_t offset = 0;
	int found = 0;

	if (!st->announce || pairs > 16)
		return 0;
	while (offset <= doc->length) {
		int rc = host->regex_match(ctx, st->announce, doc->prose, doc->length, offset, ov, pairs);

		if (rc <= 0 || ov[0] >= before)
			break;
		if (rc > st->count_group && ov[2 * st->count_group] != SIZE_MAX) {
			whole->start = ov[0];
			whole->end = ov[1];
			count->start = ov[2 * st->count_group];
			count->end = ov[2 * st->count_group + 1];
			found = 1;
			if (before == SIZE_MAX)
				break;
		}
		offset = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return found;
}

static void check_count(const stmtlint_host *host, const principles_state *st,
                        stmtlint_ctx *ctx, const stmtlint_doc *doc, const scratch *s)
{
	stmtlint_span whole;
	stmtlint_span count;
	size_t list_start = doc->blocks[s->entries[0].block].span.start;
	size_t n_dup = 0;
	size_t n_missing = 0;
	size_t i;
	int announced;
	stmtlint_diag *d;

	if (!find_announce(host, st, ctx, doc, list_start, &whole, &count))
		return;
	announced = wd_count_value(doc->prose + count.start, count.end - count.start);
	if (announced < 0)
		return;
	for (i = 0; i < s->n_entries; i++)
		n_dup += s->entries[i].duplicate;
	for (i = 0; i < st->n_items; i++)
		n_missing += s->first[i] == NO_ITEM;
	/* A count explained by missing or duplicate items is reported as those. */
	if ((size_t)announced == s->n_entries || (size_t)announced == s->n_entries - n_dup + n_missing)
		return;
	d = host->report(ctx, CHECK_COUNT, count.start, count.end,
	                 "the announced count \xE2\x80\x98%.*s\xE2\x80\x99 disagrees with the %zu "
	                 "items listed", (int)(count.end - count.start), doc->text + count.start,
	                 s->n_entries);
	host->note(d, block_head(doc, s->entries[0].block).start,
	           block_head(doc, s->entries[0].block).end, "the list starts here");
}

/* Reports every agreed item as missing when no list was found. */
static void report_no_list(const stmtlint_host *host, const principles_state *st,
                           stmtlint_ctx *ctx, const stmtlint_doc *doc)
{
	stmtlint_span at = {0, 0};
	stmtlint_span count;
	size_t i;

	if (!find_announce(host, st, ctx, doc, SIZE_MAX, &at, &count)) {
		for (i = 0; i < doc->n_blocks; i++) {
			if (doc->blocks[i].kind == STMTLINT_BLOCK_SECTION)
				break;
		}
		if (i == doc->n_blocks)
			i = doc->title >= 0 ? (size_t)doc->title : 0;
		if (i < doc->n_blocks)
			at = block_head(doc, i);
	}
	for (i = 0; i < st->n_items; i++)
		report_missing(host, st, ctx, i, at, MISSING_NO_LIST);
}

static int principles_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                            const stmtlint_doc *doc)
{
	const principles_state *st = state;
	scratch s;
	size_t i;
	int rc = -1;

	if (!st || st->n_items == 0)
		return 0;
	memset(&s, 0, sizeof(s));
	wd_words_init(&s.words);
	s.found = calloc(st->n_items, sizeof(*s.found));
	s.touched = calloc(st->n_items, sizeof(*s.touched));
	s.first = calloc(st->n_items, sizeof(*s.first));
	s.stamp = calloc(st->n_items, sizeof(*s.stamp));
	if (!s.found || !s.touched || !s.first || !s.stamp)
		goto done;
	if (find_matches(st, &s, doc) < 0 || build_list(&s, doc) < 0)
		goto done;
	if (s.n_entries == 0) {
		report_no_list(host, st, ctx, doc);
		rc = 0;
		goto done;
	}
	mark_duplicates(st, &s);
	mark_numbers(st, &s, doc);
	if (mark_order(&s) < 0)
		goto done;
	check_count(host, st, ctx, doc, &s);
	/* stamp now holds where each missing item belongs (NO_ITEM: present). */
	for (i = 0; i < st->n_items; i++)
		s.stamp[i] = s.first[i] == NO_ITEM ? missing_place(&s, i) : NO_ITEM;
	for (i = 0; i < s.n_entries; i++) {
		const list_entry *e = &s.entries[i];
		size_t item;

		for (item = 0; item < st->n_items; item++) {
			if (s.stamp[item] == i)
				report_missing(host, st, ctx, item, block_head(doc, e->block),
				               MISSING_BEFORE);
		}
		if (e->item == NO_ITEM)
			continue;
		if (e->duplicate) {
			stmtlint_span at = block_head(doc, e->block);
			stmtlint_span was = block_head(doc, s.entries[s.first[e->item]].block);
			stmtlint_diag *d;

			d = host->report(ctx, CHECK_DUPLICATE, at.start, at.end,
			                 "agreed item %d (%s) is listed twice",
			                 item_label_number(st, e->item), st->items[e->item].id);
			host->note(d, was.start, was.end, "first listed here");
			continue;
		}
		if (e->numbered_wrong)
			check_number(host, st, ctx, doc, e);
		else if (!e->in_order)
			check_order(host, st, ctx, doc, &s, i);
		if (host->enabled(ctx, CHECK_WORDING) && check_wording(host, st, &s, ctx, doc, e) < 0)
			goto done;
	}
	for (i = 0; i < st->n_items; i++) {
		if (s.stamp[i] == s.n_entries)
			report_missing(host, st, ctx, i,
			               block_head(doc, s.entries[s.n_entries - 1].block), MISSING_AFTER);
	}
	rc = 0;
done:
	scratch_free(&s);
	return rc;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "principles",
	.summary = "agreed items are present, complete, in order and in the agreed words",
	.severity = STMTLINT_ERROR,
	.checks = checks,
	.n_checks = sizeof(checks) / sizeof(checks[0]),
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
	.init = principles_init,
	.check = principles_check,
	.fini = principles_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol: its descriptor. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
