/* pairs.c - the square brackets a reader of a draft sees, paired (pairs.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pairs.h"

/* A growable array of size_t. */
typedef struct offsets {
	size_t *v;
	size_t n;
	size_t cap;
} offsets;

static int offsets_push(offsets *o, size_t value)
{
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 16;
		size_t *grown = realloc(o->v, cap * sizeof(*grown));

		if (!grown)
			return -1;
		o->v = grown;
		o->cap = cap;
	}
	o->v[o->n++] = value;
	return 0;
}

size_t bracket_block_at(const stmtlint_doc *doc, size_t offset)
{
	size_t lo = 0;
	size_t hi = doc->n_blocks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (doc->blocks[mid].span.start <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? lo - 1 : SIZE_MAX;
}

static int compare_pairs(const void *pa, const void *pb)
{
	const bracket_pair *a = pa;
	const bracket_pair *b = pb;

	return a->open < b->open ? -1 : a->open > b->open;
}

static int compare_offsets(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa;
	size_t b = *(const size_t *)pb;

	return a < b ? -1 : a > b;
}

static int push_pair(bracket_scan *scan, size_t *cap, size_t open, size_t close)
{
	if (scan->n_pairs == *cap) {
		size_t grown_cap = *cap ? *cap * 2 : 16;
		bracket_pair *grown = realloc(scan->pairs, grown_cap * sizeof(*grown));

		if (!grown)
			return -1;
		scan->pairs = grown;
		*cap = grown_cap;
	}
	scan->pairs[scan->n_pairs].open = open;
	scan->pairs[scan->n_pairs].close = close;
	scan->n_pairs++;
	return 0;
}

int bracket_scan_doc(const stmtlint_doc *doc, bracket_scan *scan)
{
	offsets open = {0};
	offsets stray = {0};
	size_t pairs_cap = 0;
	size_t i = 0;
	size_t k;
	int in_tag = 0;

	memset(scan, 0, sizeof(*scan));
	for (;;) {
		unsigned reason;

		i += strcspn(doc->text + i, "[]<>");
		if (i >= doc->length)
			break;
		reason = doc->nonprose ? doc->nonprose[i] : STMTLINT_NONPROSE_NONE;
		/* The tags of raw HTML hide what is inside them, not what is
		 * between them. */
		if (reason == STMTLINT_NONPROSE_HTML && (doc->text[i] == '<' || doc->text[i] == '>'))
			in_tag = doc->text[i] == '<';
		/* strcspn stops at a NUL inside the draft too. */
		if (doc->text[i] == '<' || doc->text[i] == '>' || doc->text[i] == '\0' ||
		    !(reason == STMTLINT_NONPROSE_NONE || (reason == STMTLINT_NONPROSE_HTML && !in_tag)) ||
		    (i > 0 && doc->text[i - 1] == '\x1B')) {
			i++;
			continue;
		}
		if (doc->text[i] == '[') {
			if (offsets_push(&open, i) < 0)
				goto fail;
		} else if (open.n == 0) {
			if (offsets_push(&stray, i) < 0)
				goto fail;
		} else if (push_pair(scan, &pairs_cap, open.v[--open.n], i) < 0) {
			goto fail;
		}
		i++;
	}
	for (k = 0; k < open.n; k++) {
		if (offsets_push(&stray, open.v[k]) < 0)
			goto fail;
	}
	free(open.v);
	/* (qsort must not be given the NULL of an empty array) */
	if (scan->n_pairs > 1)
		qsort(scan->pairs, scan->n_pairs, sizeof(*scan->pairs), compare_pairs);
	if (stray.n > 1)
		qsort(stray.v, stray.n, sizeof(*stray.v), compare_offsets);
	scan->stray = stray.v;
	scan->n_stray = stray.n;
	return 0;
fail:
	free(open.v);
	free(stray.v);
	bracket_scan_free(scan);
	return -1;
}

void bracket_scan_free(bracket_scan *scan)
{
	free(scan->pairs);
	free(scan->stray);
	memset(scan, 0, sizeof(*scan));
}
