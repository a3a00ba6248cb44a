/* errlist.c - errors that stop a check, as data. */
#include "errlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "escape.h"

void errlist_init(errlist *l)
{
	memset(l, 0, sizeof(*l));
}

void errlist_truncate(errlist *l, size_t n)
{
	for (; l->n > n; l->n--) {
		free(l->items[l->n - 1].file);
		free(l->items[l->n - 1].message);
	}
	l->dropped = 0;
}

void errlist_free(errlist *l)
{
	if (l == NULL)
		return;
	errlist_truncate(l, 0);
	free(l->items);
	errlist_init(l);
}

static void add(errlist *l, const char *rule, stmtlint_severity sev, const char *file,
                size_t line, size_t column, const char *fmt, va_list ap)
	__attribute__((format(printf, 7, 0)));

static void add(errlist *l, const char *rule, stmtlint_severity sev, const char *file,
                size_t line, size_t column, const char *fmt, va_list ap)
{
	sl_error *e;
	buf msg;

	if (l->n >= ERRLIST_MAX) {
		l->dropped++;
		return;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		sl_error *p = realloc(l->items, cap * sizeof(*p));

		if (p == NULL) {
			l->dropped++;
			return;
		}
		l->items = p;
		l->cap = cap;
	}
	e = &l->items[l->n];
	memset(e, 0, sizeof(*e));
	buf_init(&msg, ERRLIST_MAX_MESSAGE);
	buf_vprintf(&msg, fmt, ap);
	e->message = buf_steal(&msg);
	e->file = file != NULL ? strdup(file) : NULL;
	if (e->message == NULL || (file != NULL && e->file == NULL)) {
		free(e->message);
		free(e->file);
		l->dropped++;
		return;
	}
	e->rule = rule;
	e->severity = sev;
	e->line = line;
	e->column = line > 0 ? column : 0;
	l->n++;
}

void errlist_vadd(errlist *l, const char *rule, const char *file, size_t line, size_t column,
                  const char *fmt, va_list ap)
{
	add(l, rule, STMTLINT_ERROR, file, line, column, fmt, ap);
}

void errlist_add(errlist *l, const char *rule, const char *file, size_t line, size_t column,
                 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(l, rule, STMTLINT_ERROR, file, line, column, fmt, ap);
	va_end(ap);
}

void errlist_add_sev(errlist *l, const char *rule, stmtlint_severity sev, const char *file,
                     size_t line, size_t column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(l, rule, sev, file, line, column, fmt, ap);
	va_end(ap);
}

int errlist_has_error(const errlist *l)
{
	size_t i;

	if (l->dropped > 0)
		return 1;
	for (i = 0; i < l->n; i++)
		if (l->items[i].severity == STMTLINT_ERROR)
			return 1;
	return 0;
}

void errlist_format_one(const sl_error *e, buf *out)
{
	/* file names and messages can hold anything a draft or a path holds:
	 * no control sequence reaches the terminal */
	if (e->file == NULL)
		buf_puts(out, "stmtlint");
	else
		escape_append(out, e->file, strlen(e->file), ESCAPE_CONTROLS);
	if (e->file != NULL && e->line > 0)
		buf_printf(out, ":%zu:%zu", e->line, e->column);
	buf_printf(out, ": %s: ", severity_name(e->severity));
	escape_append(out, e->message, strlen(e->message), ESCAPE_CONTROLS);
	buf_printf(out, " [%s]", e->rule);
}

void errlist_format(const errlist *l, buf *out)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		errlist_format_one(&l->items[i], out);
		buf_putc(out, '\n');
	}
	if (l->dropped > 0)
		buf_printf(out, "stmtlint: error: %zu more errors not shown [config]\n", l->dropped);
}
