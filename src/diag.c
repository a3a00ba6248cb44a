/* diag.c - diagnostics: storage, ordering, de-duplication. */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

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
	for (i = 0; i < d->n_fixes; i++) {
		free(d->fixes[i].replacement);
		free(d->fixes[i].title);
	}
	free(d->notes);
	free(d->fixes);
	free(d->rule);
	free(d->message);
	free(d);
}

void diag_list_release_evicted(diag_list *l)
{
	size_t i;

	for (i = 0; i < l->n_evicted; i++)
		diag_free(l->evicted[i]);
	free(l->evicted);
	l->evicted = NULL;
	l->n_evicted = 0;
}

void diag_list_free(diag_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		diag_free(l->items[i]);
	free(l->items);
	diag_list_release_evicted(l);
	diag_list_init(l);
}

static size_t cap_of(const diag_list *l)
{
	return l->limit > 0 ? l->limit : DIAG_MAX_PER_FILE;
}

static void count_dropped(diag_list *l, stmtlint_severity severity, size_t start)
{
	if (l->dropped[0] + l->dropped[1] + l->dropped[2] + l->dropped[3] == 0 ||
	    start < l->dropped_at)
		l->dropped_at = start;
	l->dropped[severity & 3]++;
}

/* Makes room in a full list for a finding of `severity`: drops the latest
 * kept finding of the lowest severity below it.  Returns the freed slot,
 * or -1 when every kept finding is at least as severe. */
static long evict_below(diag_list *l, stmtlint_severity severity)
{
	int s;
	size_t i;

	for (s = STMTLINT_NOTE; s < (int)severity; s++) {
		if (l->kept[s] == 0)
			continue;
		for (i = l->n; i > 0; i--) {
			struct stmtlint_diag *d = l->items[i - 1];

			if ((int)d->severity == s) {
				struct stmtlint_diag **p = realloc(l->evicted,
				                                   (l->n_evicted + 1) * sizeof(*p));

				if (p == NULL)
					return -1;
				l->evicted = p;
				p[l->n_evicted++] = d;
				count_dropped(l, d->severity, d->start);
				l->kept[s]--;
				return (long)(i - 1);
			}
		}
	}
	return -1;
}

struct stmtlint_diag *diag_add(diag_list *l, const char *rule, stmtlint_severity severity,
                               size_t start, size_t end, const char *message)
{
	struct stmtlint_diag *d;
	long slot = -1;

	if (severity < STMTLINT_NOTE || severity > STMTLINT_ERROR)
		return NULL;
	if (l->n >= cap_of(l)) {
		slot = evict_below(l, severity);
		if (slot < 0) {
			count_dropped(l, severity, start);
			return NULL;
		}
	} else if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct stmtlint_diag **p = realloc(l->items, cap * sizeof(*p));

		if (p == NULL)
			return NULL;
		l->items = p;
		l->cap = cap;
	}
	d = calloc(1, sizeof(*d));
	if (d != NULL) {
		d->rule = strdup(rule);
		d->message = strdup(message);
	}
	if (d == NULL || d->rule == NULL || d->message == NULL) {
		diag_free(d);
		if (slot >= 0) {
			/* the evicted finding's slot: close the gap */
			memmove(&l->items[slot], &l->items[slot + 1],
			        (l->n - (size_t)slot - 1) * sizeof(*l->items));
			l->n--;
		}
		return NULL;
	}
	d->severity = severity;
	d->start = start;
	d->end = end < start ? start : end;
	d->seq = l->seq++;
	if (slot >= 0)
		l->items[slot] = d;
	else
		l->items[l->n++] = d;
	l->kept[severity]++;
	return d;
}

size_t diag_count(const diag_list *l, stmtlint_severity s)
{
	return s >= STMTLINT_NOTE && s <= STMTLINT_ERROR ? l->kept[s] + l->dropped[s] : 0;
}

stmtlint_severity diag_worst(const diag_list *l)
{
	int s;

	for (s = STMTLINT_ERROR; s >= STMTLINT_NOTE; s--)
		if (diag_count(l, (stmtlint_severity)s) > 0)
			return (stmtlint_severity)s;
	return STMTLINT_OFF;
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

/* The longest piece of the draft quoted in a fix's title, in bytes. */
#define FIX_TITLE_QUOTE 40

static void quote_into(buf *b, const char *s, size_t n)
{
	size_t i;

	if (n > FIX_TITLE_QUOTE) {
		/* cut on a character boundary */
		n = FIX_TITLE_QUOTE;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	buf_puts(b, "\u2018");
	for (i = 0; i < n; i++)
		buf_putc(b, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
	if (n < strlen(s) && n == FIX_TITLE_QUOTE)
		buf_puts(b, "\u2026");
	buf_puts(b, "\u2019");
}

/* "Replace ‘old’ with ‘new’", "Delete ‘old’" or "Insert ‘new’". */
static char *fix_title(size_t start, size_t end, const char *replacement, const char *text)
{
	buf b;

	buf_init(&b, 1024);
	if (end > start && replacement[0] != '\0') {
		buf_puts(&b, "Replace ");
		quote_into(&b, text + start, end - start);
		buf_puts(&b, " with ");
		quote_into(&b, replacement, strlen(replacement));
	} else if (end > start) {
		buf_puts(&b, "Delete ");
		quote_into(&b, text + start, end - start);
	} else {
		buf_puts(&b, "Insert ");
		quote_into(&b, replacement, strlen(replacement));
	}
	return buf_steal(&b);
}

int diag_add_fix(struct stmtlint_diag *d, size_t start, size_t end, const char *replacement,
                 const char *title, const char *text)
{
	diag_fix *p;
	char *r;
	char *t;

	if (d == NULL)
		return 0;
	if (end < start)
		end = start;
	r = strdup(replacement);
	t = title != NULL ? strdup(title) : fix_title(start, end, replacement, text);
	p = r != NULL && t != NULL ? realloc(d->fixes, (d->n_fixes + 1) * sizeof(*p)) : NULL;
	if (p == NULL) {
		free(r);
		free(t);
		return -1;
	}
	d->fixes = p;
	p[d->n_fixes].start = start;
	p[d->n_fixes].end = end;
	p[d->n_fixes].replacement = r;
	p[d->n_fixes].title = t;
	p[d->n_fixes].conflict = 0;
	p[d->n_fixes].guess = 0;
	d->n_fixes++;
	return 0;
}

void diag_mark_guess(struct stmtlint_diag *d)
{
	if (d != NULL && d->n_fixes > 0)
		d->fixes[d->n_fixes - 1].guess = 1;
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

/* Whether two edits cannot both be applied: their ranges share a byte, or
 * both insert at one place (whose text would come first is unknown). */
static int fixes_overlap(const diag_fix *a, const diag_fix *b)
{
	if (a->start == a->end && b->start == b->end)
		return a->start == b->start;
	if (a->start == a->end)
		return a->start > b->start && a->start < b->end;
	if (b->start == b->end)
		return b->start > a->start && b->start < a->end;
	return a->start < b->end && b->start < a->end;
}

/* The fixes accepted so far, sorted by start. */
typedef struct fix_set {
	const diag_fix **items;
	size_t n;
} fix_set;

/* Index of the first accepted fix whose start is >= pos. */
static size_t first_at_or_after(const fix_set *set, size_t pos)
{
	size_t lo = 0;
	size_t hi = set->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (set->items[mid]->start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int clashes(const fix_set *set, const diag_fix *f)
{
	size_t i = first_at_or_after(set, f->start);

	/* Accepted fixes never overlap each other, so only the one before the
	 * insertion point can reach into f, and those after it up to f's end. */
	if (i > 0 && fixes_overlap(set->items[i - 1], f))
		return 1;
	for (; i < set->n && set->items[i]->start <= f->end; i++)
		if (fixes_overlap(set->items[i], f))
			return 1;
	return 0;
}

static void accept(fix_set *set, const diag_fix *f)
{
	size_t i = first_at_or_after(set, f->start);

	memmove(&set->items[i + 1], &set->items[i], (set->n - i) * sizeof(*set->items));
	set->items[i] = f;
	set->n++;
}

void diag_resolve_fixes(diag_list *l)
{
	fix_set set = { NULL, 0 };
	size_t total = 0;
	size_t i;
	size_t j;

	for (i = 0; i < l->n; i++)
		total += l->items[i]->n_fixes;
	if (total < 2)
		return;
	set.items = malloc(total * sizeof(*set.items));
	if (set.items == NULL) {
		/* cannot prove them apart: offer none to a fixer */
		for (i = 0; i < l->n; i++)
			for (j = 0; j < l->items[i]->n_fixes; j++)
				l->items[i]->fixes[j].conflict = 1;
		return;
	}
	for (i = 0; i < l->n; i++) {
		struct stmtlint_diag *d = l->items[i];
		int bad = 0;

		for (j = 0; j < d->n_fixes && !bad; j++) {
			size_t k;

			if (d->fixes[j].guess)
				continue;
			bad = clashes(&set, &d->fixes[j]);
			/* a finding's own fixes must not overlap each other either */
			for (k = 0; k < j && !bad; k++)
				bad = !d->fixes[k].guess && fixes_overlap(&d->fixes[k], &d->fixes[j]);
		}
		for (j = 0; j < d->n_fixes; j++) {
			if (d->fixes[j].guess)
				continue;
			d->fixes[j].conflict = bad;
			if (!bad)
				accept(&set, &d->fixes[j]);
		}
	}
	free(set.items);
}

void diag_finish(diag_list *l, const char *limit_rule, stmtlint_severity limit_severity)
{
	size_t total = l->dropped[1] + l->dropped[2] + l->dropped[3];
	struct stmtlint_diag *d;
	char msg[256];

	diag_sort(l);
	diag_resolve_fixes(l);
	if (total == 0 || limit_severity == STMTLINT_OFF)
		return;
	snprintf(msg, sizeof(msg), "%zu more finding%s not shown (%zu error%s, %zu warning%s, "
	         "%zu note%s): the limit is %zu per file; they count in the summary and the exit "
	         "status", total, total == 1 ? "" : "s", l->dropped[3], l->dropped[3] == 1 ? "" : "s",
	         l->dropped[2], l->dropped[2] == 1 ? "" : "s", l->dropped[1],
	         l->dropped[1] == 1 ? "" : "s", cap_of(l));
	/* past the cap on purpose: this one is always kept, last */
	if (l->n == l->cap) {
		struct stmtlint_diag **p = realloc(l->items, (l->cap + 1) * sizeof(*p));

		if (p == NULL)
			return;
		l->items = p;
		l->cap++;
	}
	d = calloc(1, sizeof(*d));
	if (d == NULL)
		return;
	d->rule = strdup(limit_rule);
	d->message = strdup(msg);
	if (d->rule == NULL || d->message == NULL) {
		diag_free(d);
		return;
	}
	d->severity = limit_severity;
	d->start = d->end = l->dropped_at;
	d->seq = l->seq++;
	l->items[l->n++] = d;
	l->kept[limit_severity]++;
}
