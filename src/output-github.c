/* output-github.c - findings as GitHub Actions workflow commands, one line
 * each, which annotate a pull request without uploading anything:
 *   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
 * Columns count code points (1-based); endColumn is the column just after
 * the range, as in SARIF.  GitHub's escaping: in the message '%', CR and LF
 * become %25, %0D and %0A; in a property also ':' and ',' become %3A and
 * %2C.  Bytes that are not UTF-8 are written first as the text \xNN, as in
 * every other format. */
#include "sink.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "position.h"

/* Appends s, valid UTF-8 after escape_append(), with GitHub's escapes;
 * `property` adds those of a property value. */
static void put_command_text(buf *b, const char *s, int property)
{
	buf u;
	size_t i;

	buf_init(&u, 0);
	escape_append(&u, s, strlen(s), 0);
	for (i = 0; i < u.len; i++) {
		char c = u.data[i];

		if (c == '%')
			buf_puts(b, "%25");
		else if (c == '\r')
			buf_puts(b, "%0D");
		else if (c == '\n')
			buf_puts(b, "%0A");
		else if (property && c == ':')
			buf_puts(b, "%3A");
		else if (property && c == ',')
			buf_puts(b, "%2C");
		else
			buf_putc(b, c);
	}
	buf_free(&u);
}

/* GitHub's three levels. */
static const char *command_of(stmtlint_severity s)
{
	return s == STMTLINT_ERROR ? "error" : s == STMTLINT_WARNING ? "warning" : "notice";
}

static void put_finding(buf *b, position_cursor *cur, const char *file,
                        const struct stmtlint_diag *d)
{
	position s = position_at(cur, d->start);
	position e = position_at(cur, d->end);
	size_t i;

	buf_printf(b, "::%s file=", command_of(d->severity));
	put_command_text(b, file, 1);
	buf_printf(b, ",line=%zu,col=%zu,endLine=%zu,endColumn=%zu,title=", s.line, s.cp_column,
	           e.line, e.cp_column);
	put_command_text(b, d->rule, 1);
	buf_puts(b, "::");
	put_command_text(b, d->message, 0);
	for (i = 0; i < d->n_notes; i++) {
		position n = position_at(cur, d->notes[i].start);
		char where[64];

		snprintf(where, sizeof(where), "\nnote (line %zu): ", n.line);
		put_command_text(b, where, 0);
		put_command_text(b, d->notes[i].message, 0);
	}
	buf_putc(b, '\n');
}

static void github_errors(sink *k, const errlist *errors)
{
	buf b;
	size_t i;

	buf_init(&b, 0);
	for (i = 0; i < errors->n; i++) {
		const sl_error *e = &errors->items[i];

		buf_printf(&b, "::%s", command_of(e->severity));
		if (e->file != NULL) {
			buf_puts(&b, " file=");
			put_command_text(&b, e->file, 1);
			if (e->line > 0)
				buf_printf(&b, ",line=%zu", e->line);
			if (e->column > 0)
				buf_printf(&b, ",col=%zu", e->column);
			buf_puts(&b, ",title=");
		} else {
			buf_puts(&b, " title=");
		}
		put_command_text(&b, e->rule, 1);
		buf_puts(&b, "::");
		put_command_text(&b, e->message, 0);
		buf_putc(&b, '\n');
	}
	if (errors->dropped > 0)
		buf_printf(&b, "::error title=stmtlint::%zu more errors not shown\n", errors->dropped);
	if (b.len > 0)
		fwrite(b.data, 1, b.len, k->out);
	buf_free(&b);
}

static int github_render(const sink *k, const check_report *r, char **text, size_t *len)
{
	position_cursor cur;
	buf b;
	size_t i;

	(void)k;
	buf_init(&b, 0);
	if (r->doc != NULL) {
		position_cursor_init(&cur, &r->doc->pub);
		for (i = 0; i < r->diags.n; i++)
			put_finding(&b, &cur, r->name, r->diags.items[i]);
		position_cursor_free(&cur);
	}
	*len = b.len;
	*text = b.failed ? NULL : buf_steal(&b);
	buf_free(&b);
	return *text != NULL ? 0 : -1;
}

static void github_draft(sink *k, const check_report *r)
{
	char *text;
	size_t len;

	if (github_render(k, r, &text, &len) == 0) {
		fwrite(text, 1, len, k->out);
		free(text);
	}
	github_errors(k, &r->errors);
}

sink *sink_github_new(FILE *out, const output_opts *o)
{
	return sink_alloc(out, o, github_draft, github_errors, sink_finish_plain, github_render,
	                  NULL);
}
