/* labels.c - the bracketed labels a draft defines (labels.h). */
#include <stdlib.h>
#include <string.h>

#include "labels.h"

/* The longest label, as CommonMark limits a link label (999 characters). */
#define MAX_LABEL_BYTES 999
/* The most spaces before a definition's '[' (more makes Markdown code). */
#define MAX_DEF_INDENT 3

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Writes the normalised form of s[start, end) into out (room for
 * MAX_LABEL_BYTES + 1); returns 0, or -1 when it is empty or too long. */
static int normalise(const char *s, size_t start, size_t end, char *out)
{
	size_t n = 0;
	size_t i;
	int space = 0;

	if (end - start > MAX_LABEL_BYTES)
		return -1;
	for (i = start; i < end; i++) {
		char c = s[i];

		if (is_blank(c)) {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		out[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
	return n > 0 ? 0 : -1;
}

int label_is_footnote(const char *text, size_t start, size_t end)
{
	size_t i;

	if (start >= end)
		return 0;
	if (text[start] == '^')
		return end - start > 1;
	for (i = start; i < end; i++) {
		if (text[i] < '0' || text[i] > '9')
			return 0;
	}
	return 1;
}

/* Reads a definition at the start of line `line`; 1 with *def filled (its
 * label still unset), else 0. */
static int definition_on_line(const stmtlint_doc *doc, stmtlint_span line, label_def *def)
{
	const char *t = doc->text;
	size_t i = line.start;
	size_t close;

	while (i < line.end && i - line.start < MAX_DEF_INDENT && t[i] == ' ')
		i++;
	if (i >= line.end || t[i] != '[' ||
	    (doc->nonprose && doc->nonprose[i] != STMTLINT_NONPROSE_NONE))
		return 0;
	for (close = i + 1; close < line.end && t[close] != ']' && t[close] != '['; close++)
		;
	if (close >= line.end || t[close] != ']' || close == i + 1 || close + 1 >= line.end)
		return 0;
	def->open = i;
	def->close = close;
	def->colon = t[close + 1] == ':';
	def->used = 0;
	if (def->colon)
		return doc->format == STMTLINT_FORMAT_MARKDOWN || label_is_footnote(t, i + 1, close);
	return is_blank(t[close + 1]) && label_is_footnote(t, i + 1, close);
}

/* Orders pointers to definitions by their labels. */
static int compare_by_label(const void *pa, const void *pb)
{
	const label_def *a = *(const label_def *const *)pa;
	const label_def *b = *(const label_def *const *)pb;

	return strcmp(a->label, b->label);
}

static int add_definition(label_index *idx, size_t *cap, const stmtlint_doc *doc, label_def *def)
{
	char norm[MAX_LABEL_BYTES + 1];

	if (normalise(doc->text, def->open + 1, def->close, norm) < 0)
		return 0;
	if (idx->n == *cap) {
		size_t grown_cap = *cap ? *cap * 2 : 8;
		label_def *grown = realloc(idx->defs, grown_cap * sizeof(*grown));

		if (!grown)
			return -1;
		idx->defs = grown;
		*cap = grown_cap;
	}
	def->label = strdup(norm);
	if (!def->label)
		return -1;
	idx->defs[idx->n++] = *def;
	return 0;
}

int labels_collect(const stmtlint_doc *doc, label_index *idx)
{
	size_t cap = 0;
	size_t l;

	memset(idx, 0, sizeof(*idx));
	for (l = 0; l < doc->n_lines; l++) {
		label_def def;

		if (definition_on_line(doc, doc->lines[l], &def) &&
		    add_definition(idx, &cap, doc, &def) < 0)
			goto fail;
	}
	if (idx->n == 0)
		return 0;
	idx->by_label = malloc(idx->n * sizeof(*idx->by_label));
	if (!idx->by_label)
		goto fail;
	for (l = 0; l < idx->n; l++)
		idx->by_label[l] = &idx->defs[l];
	qsort(idx->by_label, idx->n, sizeof(*idx->by_label), compare_by_label);
	return 0;
fail:
	labels_free(idx);
	return -1;
}

void labels_free(label_index *idx)
{
	size_t i;

	for (i = 0; i < idx->n; i++)
		free(idx->defs[i].label);
	free(idx->defs);
	free(idx->by_label);
	memset(idx, 0, sizeof(*idx));
}

label_def *label_definition_at(const label_index *idx, size_t open)
{
	size_t lo = 0;
	size_t hi = idx->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (idx->defs[mid].open < open)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < idx->n && idx->defs[lo].open == open ? &idx->defs[lo] : NULL;
}

label_def *label_lookup(const label_index *idx, const char *text, size_t start, size_t end)
{
	char norm[MAX_LABEL_BYTES + 1];
	size_t lo = 0;
	size_t hi = idx->n;

	if (idx->n == 0 || normalise(text, start, end, norm) < 0)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(idx->by_label[mid]->label, norm);

		if (cmp == 0) {
			idx->by_label[mid]->used = 1;
			return idx->by_label[mid];
		}
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
