/* diag.c - diagnostics: storage, ordering, de-duplication. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

void diag_list_init(diag_list *l)
{
	memset(l, 0, sizeof(*l));
}

static void diag_free(struct stmtlint_diag *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n_notes; i++)
		free(d->notes[i].message);
	for (i = 0; i < d->n_fixes; i++)
		free(d->fixes[i].replacement);
	free(d->notes);
	free(d->fixes);
	free(d->rule);
	free(d->message);
	free(d);
}

void diag_list_free(diag_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		diag_free(l->items[i]);
	free(l->items);
	diag_list_init(l);
}

struct stmtlint_diag *diag_add(diag_list *l, const char *rule, stmtlint_severity severity,
                               size_t start, size_t end, const char *message)
{
	struct stmtlint_diag *d;

	if (l->n >= DIAG_MAX_PER_FILE)
		return NULL;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct stmtlint_diag **p = realloc(l->items, cap * sizeof(*p));

		if (p == NULL)
			return NULL;
		l->items = p;
		l->cap = cap;
	}
	d = calloc(1, sizeof(*d));
	if (d == NULL)
		return NULL;
	d->rule = strdup(rule);
	d->message = strdup(message);
	if (d->rule == NULL || d->message == NULL) {
		diag_free(d);
		return NULL;
	}
	d->severity = severity;
	d->start = start;
	d->end = end < start ? start : end;
	d->seq = l->seq++;
	l->items[l->n++] = d;
	return d;
}

int diag_add_note(struct stmtlint_diag *d, size_t start, size_t end, const char *message)
{
	diag_note *p;
	char *m;

	if (d == NULL)
		return 0;
	m = strdup(message);
	if (m == NULL)
		return -1;
	p = realloc(d->notes, (d->n_notes + 1) * sizeof(*p));
	if (p == NULL) {
		free(m);
		return -1;
	}
	d->notes = p;
	p[d->n_notes].start = start;
	p[d->n_notes].end = end < start ? start : end;
	p[d->n_notes].message = m;
	d->n_notes++;
	return 0;
}

int diag_add_fix(struct stmtlint_diag *d, size_t start, size_t end, const char *replacement)
{
	diag_fix *p;
	char *r;

	if (d == NULL)
		return 0;
	r = strdup(replacement);
	if (r == NULL)
		return -1;
	p = realloc(d->fixes, (d->n_fixes + 1) * sizeof(*p));
	if (p == NULL) {
		free(r);
		return -1;
	}
	d->fixes = p;
	p[d->n_fixes].start = start;
	p[d->n_fixes].end = end < start ? start : end;
	p[d->n_fixes].replacement = r;
	d->n_fixes++;
	return 0;
}

static int diag_cmp(const void *a, const void *b)
{
	const struct stmtlint_diag *x = *(const struct stmtlint_diag *const *)a;
	const struct stmtlint_diag *y = *(const struct stmtlint_diag *const *)b;
	int c;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	c = strcmp(x->rule, y->rule);
	if (c != 0)
		return c;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return 0;
}

void diag_sort(diag_list *l)
{
	size_t i;
	size_t out = 0;

	if (l->n > 1)
		qsort(l->items, l->n, sizeof(*l->items), diag_cmp);
	for (i = 0; i < l->n; i++) {
		struct stmtlint_diag *d = l->items[i];
		size_t j;
		int dup = 0;

		/* duplicates sort next to each other, but for arrival order: look back
		 * over the run with the same start */
		for (j = out; j > 0; j--) {
			const struct stmtlint_diag *e = l->items[j - 1];

			if (e->start != d->start)
				break;
			if (e->end == d->end && strcmp(e->rule, d->rule) == 0 &&
			    strcmp(e->message, d->message) == 0) {
				dup = 1;
				break;
			}
		}
		if (dup)
			diag_free(d);
		else
			l->items[out++] = d;
	}
	l->n = out;
}

const char *severity_name(stmtlint_severity s)
{
	switch (s) {
	case STMTLINT_ERROR:
		return "error";
	case STMTLINT_WARNING:
		return "warning";
	case STMTLINT_NOTE:
		return "note";
	default:
		return "off";
	}
}

int severity_parse(const char *s, int on_value)
{
	if (strcmp(s, "off") == 0 || strcmp(s, "false") == 0)
		return STMTLINT_OFF;
	if (strcmp(s, "note") == 0)
		return STMTLINT_NOTE;
	if (strcmp(s, "warning") == 0)
		return STMTLINT_WARNING;
	if (strcmp(s, "error") == 0)
		return STMTLINT_ERROR;
	if (on_value != -1 && (strcmp(s, "on") == 0 || strcmp(s, "true") == 0))
		return on_value;
	return -1;
}
