/* output.c - printing findings as GCC-style text or as JSON. */
#include "output.h"

#include <jansson.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "position.h"

#define C_RESET "\033[m"
#define C_BOLD "\033[1m"
#define C_ERROR "\033[1;31m"
#define C_WARNING "\033[1;35m"
#define C_NOTE "\033[1;36m"
#define C_CARET "\033[1;32m"
#define C_FIXIT "\033[32m"
#define C_DELETE "\033[31m"

/* The widest piece of a source line shown, in display columns, and in
 * bytes (so that a line of zero-width characters is cut too). */
#define SOURCE_WINDOW 160
#define SOURCE_WINDOW_BYTES 2048
/* Of which at most this much is shown before the start of the range. */
#define SOURCE_WINDOW_BEFORE (SOURCE_WINDOW / 3)
#define SOURCE_WINDOW_BYTES_BEFORE (SOURCE_WINDOW_BYTES / 3)
/* The narrowest line-number gutter, as GCC's: wide enough for 99999; a
 * larger line number widens it. */
#define GUTTER_MIN_WIDTH 5

static const char *sev_color(stmtlint_severity s)
{
	return s == STMTLINT_ERROR ? C_ERROR : s == STMTLINT_WARNING ? C_WARNING : C_NOTE;
}

/* The piece of one source line shown: [from.byte, to). */
typedef struct source_window {
	size_t line;          /* 0-based */
	position_walk from;
	size_t to;
	int cut_before;       /* the line goes on before `from` ("..." shown) */
	int gutter;           /* digits of the line-number gutter */
} source_window;

static void put_repeat(buf *b, char c, size_t n)
{
	for (; n > 0; n--)
		buf_putc(b, c);
}

/* Appends text with control and bidirectional characters escaped. */
static void put_escaped(buf *b, const char *text, size_t len)
{
	escape_append(b, text, len, ESCAPE_CONTROLS);
}

static int digits(size_t n)
{
	int d = 1;

	for (; n >= 10; n /= 10)
		d++;
	return d;
}

/* The display column of `offset` counted from the window's start. */
static size_t window_column(position_cursor *cur, const source_window *w, size_t offset)
{
	return position_walk_at(cur, offset).display - w->from.display;
}

/* Chooses where the shown piece of a long line starts so that `start`
 * (a walk on it) is near its beginning. */
static position_walk window_start(position_cursor *cur, size_t line, const position_walk *start)
{
	size_t ls = cur->doc->lines[line].start;
	size_t le = cur->doc->lines[line].end;
	position_walk from;

	if (position_line_width(cur, line) <= SOURCE_WINDOW && le - ls <= SOURCE_WINDOW_BYTES)
		return position_walk_start(ls);
	from = position_seek_display(cur, line, start->display > SOURCE_WINDOW_BEFORE ?
	                                        start->display - SOURCE_WINDOW_BEFORE : 0);
	if (start->byte - from.byte > SOURCE_WINDOW_BYTES_BEFORE)
		from = position_walk_at(cur, start->byte - SOURCE_WINDOW_BYTES_BEFORE);
	return from;
}

/* Appends the gutter and the shown piece of the line, tabs expanded and
 * controls escaped, and sets w->to. */
static void put_source_line(buf *b, const stmtlint_doc *doc, source_window *w)
{
	size_t le = doc->lines[w->line].end;
	position_walk at = w->from;
	position_char ch;

	buf_printf(b, "%*zu | %s", w->gutter, w->line + 1, w->cut_before ? "..." : "");
	while (at.byte < le) {
		position_walk next = at;
		char esc[ESCAPE_MAX];

		position_step(&next, doc->text, doc->length, &ch);
		if (next.display - w->from.display > SOURCE_WINDOW ||
		    next.byte - w->from.byte > SOURCE_WINDOW_BYTES)
			break;
		if (ch.invalid)
			buf_append(b, esc, escape_byte((unsigned char)ch.cp, esc));
		else if (ch.escaped)
			buf_append(b, esc, escape_cp(ch.cp, esc));
		else if (ch.cp == '\t')
			put_repeat(b, ' ', ch.width);
		else
			buf_append(b, doc->text + at.byte, ch.len);
		at = next;
	}
	w->to = at.byte;
	buf_puts(b, w->to < le ? "...\n" : "\n");
}

/* Appends an empty gutter, and room for the "..." of a cut line. */
static void put_blank_gutter(buf *b, const source_window *w)
{
	buf_printf(b, "%*s | %s", w->gutter, "", w->cut_before ? "   " : "");
}

/* Appends the caret line: '^' under `start`, '~' under the rest of the range. */
static void put_caret_line(buf *b, const output_opts *o, position_cursor *cur,
                           const source_window *w, size_t start, size_t end)
{
	size_t col = window_column(cur, w, start);
	size_t width = window_column(cur, w, end < w->to ? end : w->to);

	put_blank_gutter(b, w);
	put_repeat(b, ' ', col);
	if (o->color)
		buf_puts(b, C_CARET);
	buf_putc(b, '^');
	if (width > col + 1)
		put_repeat(b, '~', width - col - 1);
	if (o->color)
		buf_puts(b, C_RESET);
	buf_putc(b, '\n');
}

/* Appends a fix-it line: the replacement under what it replaces, or '-'
 * under what it deletes. */
static void put_fixit_line(buf *b, const output_opts *o, position_cursor *cur,
                           const source_window *w, const diag_fix *f)
{
	size_t col = window_column(cur, w, f->start);

	put_blank_gutter(b, w);
	put_repeat(b, ' ', col);
	if (f->replacement[0] != '\0') {
		const char *nl = strchr(f->replacement, '\n');

		if (o->color)
			buf_puts(b, C_FIXIT);
		put_escaped(b, f->replacement,
		            nl ? (size_t)(nl - f->replacement) : strlen(f->replacement));
	} else {
		if (o->color)
			buf_puts(b, C_DELETE);
		put_repeat(b, '-', window_column(cur, w, f->end < w->to ? f->end : w->to) - col);
	}
	if (o->color)
		buf_puts(b, C_RESET);
	buf_putc(b, '\n');
}

/* Appends the source line holding [start, end), its caret line and the
 * fix-its that start on its shown piece. */
static void put_source(buf *b, const output_opts *o, position_cursor *cur, size_t start,
                       size_t end, const diag_fix *fixes, size_t n_fixes)
{
	const stmtlint_doc *doc = cur->doc;
	source_window w;
	position_walk at;
	size_t le;
	size_t i;

	if (doc->n_lines == 0)
		return;
	at = position_walk_at(cur, start);
	w.line = cur->line;
	le = doc->lines[w.line].end;
	if (at.byte > le)
		at = position_walk_at(cur, le);
	w.from = window_start(cur, w.line, &at);
	w.cut_before = w.from.byte > doc->lines[w.line].start;
	w.gutter = digits(w.line + 1) > GUTTER_MIN_WIDTH ? digits(w.line + 1) : GUTTER_MIN_WIDTH;
	put_source_line(b, doc, &w);
	put_caret_line(b, o, cur, &w, at.byte, end);
	for (i = 0; i < n_fixes; i++)
		if (fixes[i].start >= w.from.byte && fixes[i].start <= w.to)
			put_fixit_line(b, o, cur, &w, &fixes[i]);
}

/* Appends "FILE:LINE:COL: severity: message [rule]". */
static void put_head(buf *b, const output_opts *o, position_cursor *cur, size_t offset,
                     stmtlint_severity sev, const char *message, const char *rule)
{
	position p = position_at(cur, offset);

	if (o->color)
		buf_puts(b, C_BOLD);
	put_escaped(b, cur->doc->path, strlen(cur->doc->path));
	buf_printf(b, ":%zu:%zu:", p.line, position_column(&p, o->column_unit));
	if (o->color)
		buf_printf(b, C_RESET " %s%s:" C_RESET " ", sev_color(sev), severity_name(sev));
	else
		buf_printf(b, " %s: ", severity_name(sev));
	put_escaped(b, message, strlen(message));
	if (rule != NULL) {
		buf_puts(b, " [");
		put_escaped(b, rule, strlen(rule));
		buf_putc(b, ']');
	}
	buf_putc(b, '\n');
}

void output_text(FILE *out, const output_opts *o, const stmtlint_doc *doc, const diag_list *l)
{
	position_cursor cur;
	buf b;
	size_t i;
	size_t j;

	position_cursor_init(&cur, doc);
	buf_init(&b, 0);
	for (i = 0; i < l->n; i++) {
		const struct stmtlint_diag *d = l->items[i];

		buf_reset(&b);
		put_head(&b, o, &cur, d->start, d->severity, d->message, d->rule);
		put_source(&b, o, &cur, d->start, d->end, d->fixes, d->n_fixes);
		for (j = 0; j < d->n_notes; j++) {
			const diag_note *n = &d->notes[j];

			put_head(&b, o, &cur, n->start, STMTLINT_NOTE, n->message, NULL);
			/* the finding's own range is already shown just above */
			if (n->start != d->start || n->end != d->end)
				put_source(&b, o, &cur, n->start, n->end, NULL, 0);
		}
		if (b.len > 0)
			fwrite(b.data, 1, b.len, out);
	}
	position_cursor_free(&cur);
	buf_free(&b);
}

/* ---- JSON ------------------------------------------------------------------ */

struct json_report {
	json_t *files;
};

json_report *output_json_new(void)
{
	json_report *r = calloc(1, sizeof(*r));

	if (r == NULL)
		return NULL;
	r->files = json_array();
	if (r->files == NULL) {
		free(r);
		return NULL;
	}
	return r;
}

json_t *json_text(const char *s)
{
	size_t len;
	buf b;
	json_t *j;

	if (s == NULL)
		s = "";
	len = strlen(s);
	if (!escape_needed(s, len, 0))
		return json_stringn(s, len);
	buf_init(&b, 0);
	escape_append(&b, s, len, 0);
	j = b.failed ? NULL : json_stringn(b.data, b.len);
	buf_free(&b);
	return j;
}

static void set_size(json_t *obj, const char *key, size_t value)
{
	json_object_set_new(obj, key, json_integer((json_int_t)value));
}

/* Sets the range [start, end) of obj: line and code-point column, UTF-16
 * column and byte offset of both ends. */
static void put_range(json_t *obj, position_cursor *cur, size_t start, size_t end)
{
	position s = position_at(cur, start);
	position e = position_at(cur, end);

	set_size(obj, "line", s.line);
	set_size(obj, "column", s.cp_column);
	set_size(obj, "end_line", e.line);
	set_size(obj, "end_column", e.cp_column);
	set_size(obj, "utf16_column", s.utf16_column);
	set_size(obj, "end_utf16_column", e.utf16_column);
	/* in the file as stored: after its byte-order mark, if any */
	set_size(obj, "byte_offset", start + cur->doc->bom);
	set_size(obj, "end_byte_offset", end + cur->doc->bom);
}

/* The JSON object of one finding, with its fixes and notes. */
static json_t *json_finding(position_cursor *cur, const struct stmtlint_diag *d)
{
	json_t *o = json_object();
	json_t *fixes = json_array();
	json_t *notes = json_array();
	size_t j;

	json_object_set_new(o, "rule", json_text(d->rule));
	json_object_set_new(o, "severity", json_text(severity_name(d->severity)));
	json_object_set_new(o, "message", json_text(d->message));
	put_range(o, cur, d->start, d->end);
	set_size(o, "byte_length", d->end - d->start);
	for (j = 0; j < d->n_fixes; j++) {
		json_t *f = json_object();

		put_range(f, cur, d->fixes[j].start, d->fixes[j].end);
		json_object_set_new(f, "replacement", json_text(d->fixes[j].replacement));
		json_object_set_new(f, "title", json_text(d->fixes[j].title));
		/* false: it overlaps an earlier finding's fix, a suggestion only */
		json_object_set_new(f, "applicable", json_boolean(!d->fixes[j].conflict));
		json_array_append_new(fixes, f);
	}
	for (j = 0; j < d->n_notes; j++) {
		json_t *n = json_object();

		put_range(n, cur, d->notes[j].start, d->notes[j].end);
		json_object_set_new(n, "message", json_text(d->notes[j].message));
		json_array_append_new(notes, n);
	}
	json_object_set_new(o, "fixes", fixes);
	json_object_set_new(o, "notes", notes);
	return o;
}

void output_json_add(json_report *r, const char *path, const stmtlint_doc *doc, const diag_list *l)
{
	json_t *file;
	json_t *diags;
	position_cursor cur;
	size_t i;

	if (r == NULL)
		return;
	file = json_object();
	diags = json_array();
	json_object_set_new(file, "path", json_text(path));
	if (doc != NULL && l != NULL) {
		position_cursor_init(&cur, doc);
		for (i = 0; i < l->n; i++)
			json_array_append_new(diags, json_finding(&cur, l->items[i]));
		position_cursor_free(&cur);
	}
	json_object_set_new(file, "diagnostics", diags);
	json_array_append_new(r->files, file);
}

/* The entry of file `path`: the last one added when it is that file, else a new one. */
static json_t *file_entry(json_report *r, const char *path)
{
	size_t n = json_array_size(r->files);
	json_t *last = n > 0 ? json_array_get(r->files, n - 1) : NULL;
	json_t *name = json_text(path);
	json_t *file;

	if (last != NULL && json_equal(json_object_get(last, "path"), name)) {
		json_decref(name);
		return last;
	}
	file = json_object();
	json_object_set_new(file, "path", name);
	json_object_set_new(file, "diagnostics", json_array());
	json_array_append_new(r->files, file);
	return file;
}

void output_json_add_errors(json_report *r, const char *draft, const errlist *errors)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < errors->n; i++) {
		const sl_error *e = &errors->items[i];
		const char *path = e->file != NULL ? e->file : draft != NULL ? draft : "stmtlint";
		json_t *o = json_object();

		json_object_set_new(o, "rule", json_text(e->rule));
		json_object_set_new(o, "severity", json_text(severity_name(e->severity)));
		json_object_set_new(o, "message", json_text(e->message));
		json_object_set_new(o, "line", json_integer((json_int_t)(e->line > 0 ? e->line : 1)));
		json_object_set_new(o, "column",
		                    json_integer((json_int_t)(e->column > 0 ? e->column : 1)));
		json_object_set_new(o, "fixes", json_array());
		json_object_set_new(o, "notes", json_array());
		json_array_append_new(json_object_get(file_entry(r, path), "diagnostics"), o);
	}
}

void output_json_finish(json_report *r, FILE *out, size_t files, size_t errors, size_t warnings,
                        size_t notes)
{
	json_t *root;
	json_t *summary;

	if (r == NULL)
		return;
	root = json_object();
	summary = json_object();
	json_object_set_new(root, "version", json_integer(1));
	json_object_set_new(root, "files", r->files);
	json_object_set_new(summary, "files", json_integer((json_int_t)files));
	json_object_set_new(summary, "errors", json_integer((json_int_t)errors));
	json_object_set_new(summary, "warnings", json_integer((json_int_t)warnings));
	json_object_set_new(summary, "notes", json_integer((json_int_t)notes));
	json_object_set_new(root, "summary", summary);
	json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	free(r);
}
