/* unidiff.c - a unified diff between two versions of one file. */
#include "unidiff.h"

#include <stdlib.h>
#include <string.h>

/* One line: [start, end) of its text, with its "\n" when it has one. */
typedef struct line_span {
	size_t start, end;
} line_span;

typedef struct text_lines {
	const char *text;
	line_span *items;
	size_t n;
} text_lines;

/* What the diff does with a line: keep it, delete an old one, insert a new one. */
typedef enum op_kind { OP_KEEP, OP_DELETE, OP_INSERT } op_kind;

typedef struct diff_op {
	op_kind kind;
	size_t old_line, new_line;   /* 0-based: the line it concerns, or where it stands */
} diff_op;

typedef struct op_list {
	diff_op *items;
	size_t n, cap;
} op_list;

static int split_lines(text_lines *t, const char *text, size_t len)
{
	size_t i;
	size_t start = 0;
	size_t cap = 0;

	t->text = text;
	t->n = 0;
	t->items = NULL;
	for (i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		if (i == len && start == len)
			break;
		if (array_reserve((void **)&t->items, &cap, t->n, sizeof(*t->items)) != 0)
			return -1;
		t->items[t->n].start = start;
		t->items[t->n].end = i < len ? i + 1 : len;
		t->n++;
		start = i + 1;
	}
	return 0;
}

static int same_line(const text_lines *a, size_t i, const text_lines *b, size_t j)
{
	size_t n = a->items[i].end - a->items[i].start;

	return n == b->items[j].end - b->items[j].start &&
	       memcmp(a->text + a->items[i].start, b->text + b->items[j].start, n) == 0;
}

static int push_op(op_list *l, op_kind kind, size_t old_line, size_t new_line)
{
	if (array_reserve((void **)&l->items, &l->cap, l->n, sizeof(*l->items)) != 0)
		return -1;
	l->items[l->n].kind = kind;
	l->items[l->n].old_line = old_line;
	l->items[l->n].new_line = new_line;
	l->n++;
	return 0;
}

/* After a difference at (i, j): the fewest lines to delete (*del) and
 * insert (*ins), in all at most UNIDIFF_MAX_RESYNC, after which the
 * versions share a line again; the rest of both when there is none. */
static void resync(const text_lines *o, const text_lines *n, size_t i, size_t j, size_t *del,
                   size_t *ins)
{
	size_t d;
	size_t a;

	for (d = 1; d <= UNIDIFF_MAX_RESYNC; d++) {
		for (a = 0; a <= d; a++) {
			if (i + a < o->n && j + d - a < n->n && same_line(o, i + a, n, j + d - a)) {
				*del = a;
				*ins = d - a;
				return;
			}
		}
	}
	*del = o->n - i;
	*ins = n->n - j;
}

/* The edit script: every line of both versions, in order, kept, deleted
 * or inserted. */
static int diff_lines(const text_lines *o, const text_lines *n, op_list *ops)
{
	size_t i = 0;
	size_t j = 0;

	while (i < o->n || j < n->n) {
		size_t del;
		size_t ins;

		if (i < o->n && j < n->n && same_line(o, i, n, j)) {
			if (push_op(ops, OP_KEEP, i++, j++) != 0)
				return -1;
			continue;
		}
		resync(o, n, i, j, &del, &ins);
		for (; del > 0; del--)
			if (push_op(ops, OP_DELETE, i++, j) != 0)
				return -1;
		for (; ins > 0; ins--)
			if (push_op(ops, OP_INSERT, i, j++) != 0)
				return -1;
	}
	return 0;
}

static void put_line(buf *out, char mark, const text_lines *t, size_t i)
{
	const line_span *l = &t->items[i];

	buf_putc(out, mark);
	buf_append(out, t->text + l->start, l->end - l->start);
	if (l->end == l->start || t->text[l->end - 1] != '\n')
		buf_puts(out, "\n\\ No newline at end of file\n");
}

/* Writes ops[from, to) as one hunk. */
static void put_hunk(buf *out, const op_list *ops, size_t from, size_t to, const text_lines *o,
                     const text_lines *n)
{
	size_t old_count = 0;
	size_t new_count = 0;
	size_t k;

	for (k = from; k < to; k++) {
		old_count += ops->items[k].kind != OP_INSERT;
		new_count += ops->items[k].kind != OP_DELETE;
	}
	/* an empty side names the line before the change, as diff -u does */
	buf_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n",
	           ops->items[from].old_line + (old_count > 0), old_count,
	           ops->items[from].new_line + (new_count > 0), new_count);
	for (k = from; k < to; k++) {
		const diff_op *op = &ops->items[k];

		if (op->kind == OP_KEEP)
			put_line(out, ' ', o, op->old_line);
		else if (op->kind == OP_DELETE)
			put_line(out, '-', o, op->old_line);
		else
			put_line(out, '+', n, op->new_line);
	}
}

/* Appends a header line, "--- a/NAME" say, the name quoted when GNU patch
 * needs it ("--- \"a/NAME\"", as git writes it). */
static void put_name(buf *out, const char *header, const char *side, const char *name)
{
	const unsigned char *p;
	int quote = 0;

	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if (*p <= ' ' || *p == '"' || *p == '\\' || *p > 0x7E)
			quote = 1;
	if (!quote) {
		buf_printf(out, "%s%s%s\n", header, side, name);
		return;
	}
	buf_printf(out, "%s\"%s", header, side);
	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(out, "\\%c", *p);
		else if (*p == '\n')
			buf_puts(out, "\\n");
		else if (*p == '\t')
			buf_puts(out, "\\t");
		else if (*p < ' ' || *p > 0x7E)
			buf_printf(out, "\\%03o", *p);
		else
			buf_putc(out, (char)*p);
	}
	buf_puts(out, "\"\n");
}

/* Groups the changes of ops into hunks with their context. */
static void put_hunks(buf *out, const op_list *ops, const text_lines *o, const text_lines *n)
{
	size_t k = 0;

	while (k < ops->n) {
		size_t from;
		size_t to;
		size_t kept;

		while (k < ops->n && ops->items[k].kind == OP_KEEP)
			k++;
		if (k == ops->n)
			break;
		from = k >= UNIDIFF_CONTEXT ? k - UNIDIFF_CONTEXT : 0;
		/* extend while the next change is within twice the context */
		to = k;
		kept = 0;
		while (to < ops->n && kept <= 2 * UNIDIFF_CONTEXT) {
			kept = ops->items[to].kind == OP_KEEP ? kept + 1 : 0;
			to++;
		}
		/* to is past the last change plus up to 2 * context + 1 kept lines */
		to = to - kept + (kept < UNIDIFF_CONTEXT ? kept : UNIDIFF_CONTEXT);
		put_hunk(out, ops, from, to, o, n);
		k = to;
	}
}

int unidiff(buf *out, const char *name, const char *old_text, size_t old_len,
            const char *new_text, size_t new_len)
{
	text_lines o = { NULL, NULL, 0 };
	text_lines n = { NULL, NULL, 0 };
	op_list ops = { NULL, 0, 0 };
	int rc = -1;

	if (old_len == new_len && memcmp(old_text, new_text, old_len) == 0)
		return 0;
	if (split_lines(&o, old_text, old_len) != 0 || split_lines(&n, new_text, new_len) != 0 ||
	    diff_lines(&o, &n, &ops) != 0)
		goto cleanup;
	put_name(out, "--- ", "a/", name);
	put_name(out, "+++ ", "b/", name);
	put_hunks(out, &ops, &o, &n);
	rc = out->failed ? -1 : 0;
cleanup:
	free(o.items);
	free(n.items);
	free(ops.items);
	return rc;
}
