/* output.c - printing findings as GCC-style text or as JSON. */
#include "output.h"

#include <jansson.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

#define C_RESET "\033[m"
#define C_BOLD "\033[1m"
#define C_ERROR "\033[1;31m"
#define C_WARNING "\033[1;35m"
#define C_NOTE "\033[1;36m"
#define C_CARET "\033[1;32m"
#define C_FIXIT "\033[32m"
#define C_DELETE "\033[31m"

/* The longest piece of a source line shown, in code points. */
#define SOURCE_WINDOW 160

static const char *sev_color(stmtlint_severity s)
{
	return s == STMTLINT_ERROR ? C_ERROR : s == STMTLINT_WARNING ? C_WARNING : C_NOTE;
}

/* Display width of a code point: 2 for East Asian wide ones, else 1. */
static int cp_width(uint32_t cp)
{
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

/* Pads under text[from, to) so that the next column lines up (tabs kept). */
static void pad_under(buf *b, const char *text, size_t from, size_t to, char fill)
{
	size_t i = from;

	while (i < to) {
		uint32_t cp;
		size_t n = utf8_next(text + i, to - i, &cp);
		int w;

		if (cp == '\t') {
			buf_putc(b, fill == ' ' ? '\t' : fill);
		} else {
			for (w = cp_width(cp); w > 0; w--)
				buf_putc(b, fill);
		}
		i += n;
	}
}

/* Advances `count` code points from `from`, not past `to`. */
static size_t skip_cps(const char *text, size_t from, size_t to, size_t count)
{
	while (from < to && count > 0) {
		uint32_t cp;

		from += utf8_next(text + from, to - from, &cp);
		count--;
	}
	return from;
}

/* Prints the source line holding [start, end), its caret line and fix-its. */
static void print_source(FILE *out, const output_opts *o, const stmtlint_doc *doc, size_t start,
                         size_t end, const diag_fix *fixes, size_t n_fixes)
{
	size_t line;
	size_t col;
	size_t ls;
	size_t le;
	size_t vs;   /* shown part of the line: [vs, ve) */
	size_t ve;
	size_t caret_end;
	size_t i;
	buf b;

	if (doc->n_lines == 0)
		return;
	doc_position(doc, start, &line, &col);
	ls = doc->lines[line - 1].start;
	le = doc->lines[line - 1].end;
	if (start > le)
		start = le;
	caret_end = end < le ? end : le;
	vs = ls;
	ve = le;
	if (utf8_count(doc->text + ls, le - ls) > SOURCE_WINDOW) {
		size_t before = utf8_count(doc->text + ls, start - ls);

		if (before > SOURCE_WINDOW / 3)
			vs = skip_cps(doc->text, ls, le, before - SOURCE_WINDOW / 3);
		ve = skip_cps(doc->text, vs, le, SOURCE_WINDOW);
		if (caret_end > ve)
			caret_end = ve;
	}
	buf_init(&b, 0);
	buf_printf(&b, "%5zu | %s", line, vs > ls ? "..." : "");
	buf_append(&b, doc->text + vs, ve - vs);
	if (ve < le)
		buf_puts(&b, "...");
	buf_puts(&b, "\n      | ");
	if (vs > ls)
		buf_puts(&b, "   ");
	pad_under(&b, doc->text, vs, start, ' ');
	if (o->color)
		buf_puts(&b, C_CARET);
	buf_putc(&b, '^');
	if (caret_end > start) {
		uint32_t cp;
		size_t first = utf8_next(doc->text + start, caret_end - start, &cp);

		if (cp_width(cp) == 2)
			buf_putc(&b, '~');
		pad_under(&b, doc->text, start + first, caret_end, '~');
	}
	if (o->color)
		buf_puts(&b, C_RESET);
	buf_putc(&b, '\n');
	for (i = 0; i < n_fixes; i++) {
		const diag_fix *f = &fixes[i];

		if (f->start < vs || f->start > ve)
			continue;
		buf_puts(&b, "      | ");
		if (vs > ls)
			buf_puts(&b, "   ");
		pad_under(&b, doc->text, vs, f->start, ' ');
		if (f->replacement[0] != '\0') {
			const char *nl = strchr(f->replacement, '\n');

			if (o->color)
				buf_puts(&b, C_FIXIT);
			buf_append(&b, f->replacement, nl ? (size_t)(nl - f->replacement) : strlen(f->replacement));
		} else {
			if (o->color)
				buf_puts(&b, C_DELETE);
			pad_under(&b, doc->text, f->start, f->end < ve ? f->end : ve, '-');
		}
		if (o->color)
			buf_puts(&b, C_RESET);
		buf_putc(&b, '\n');
	}
	if (b.data != NULL)
		fputs(b.data, out);
	buf_free(&b);
}

static void print_head(FILE *out, const output_opts *o, const stmtlint_doc *doc, size_t offset,
                       stmtlint_severity sev, const char *message, const char *rule)
{
	size_t line;
	size_t col;

	doc_position(doc, offset, &line, &col);
	if (o->color)
		fprintf(out, C_BOLD "%s:%zu:%zu:" C_RESET " %s%s:" C_RESET " %s", doc->path, line, col,
		        sev_color(sev), severity_name(sev), message);
	else
		fprintf(out, "%s:%zu:%zu: %s: %s", doc->path, line, col, severity_name(sev), message);
	if (rule != NULL)
		fprintf(out, " [%s]", rule);
	fputc('\n', out);
}

void output_text(FILE *out, const output_opts *o, const stmtlint_doc *doc, const diag_list *l)
{
	size_t i;
	size_t j;

	for (i = 0; i < l->n; i++) {
		const struct stmtlint_diag *d = l->items[i];

		print_head(out, o, doc, d->start, d->severity, d->message, d->rule);
		print_source(out, o, doc, d->start, d->end, d->fixes, d->n_fixes);
		for (j = 0; j < d->n_notes; j++) {
			print_head(out, o, doc, d->notes[j].start, STMTLINT_NOTE, d->notes[j].message, NULL);
			print_source(out, o, doc, d->notes[j].start, d->notes[j].end, NULL, 0);
		}
	}
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

static void put_pos(json_t *obj, const stmtlint_doc *doc, size_t start, size_t end, int with_end)
{
	size_t line;
	size_t col;

	doc_position(doc, start, &line, &col);
	json_object_set_new(obj, "line", json_integer((json_int_t)line));
	json_object_set_new(obj, "column", json_integer((json_int_t)col));
	if (with_end) {
		doc_position(doc, end, &line, &col);
		json_object_set_new(obj, "end_line", json_integer((json_int_t)line));
		json_object_set_new(obj, "end_column", json_integer((json_int_t)col));
	}
}

void output_json_add(json_report *r, const char *path, const stmtlint_doc *doc, const diag_list *l)
{
	json_t *file;
	json_t *diags;
	size_t i;
	size_t j;

	if (r == NULL)
		return;
	file = json_object();
	diags = json_array();
	json_object_set_new(file, "path", json_string(path));
	for (i = 0; doc != NULL && l != NULL && i < l->n; i++) {
		const struct stmtlint_diag *d = l->items[i];
		json_t *o = json_object();
		json_t *fixes = json_array();
		json_t *notes = json_array();

		json_object_set_new(o, "rule", json_string(d->rule));
		json_object_set_new(o, "severity", json_string(severity_name(d->severity)));
		json_object_set_new(o, "message", json_string(d->message));
		put_pos(o, doc, d->start, d->end, 1);
		json_object_set_new(o, "byte_offset", json_integer((json_int_t)d->start));
		json_object_set_new(o, "byte_length", json_integer((json_int_t)(d->end - d->start)));
		for (j = 0; j < d->n_fixes; j++) {
			json_t *f = json_object();

			put_pos(f, doc, d->fixes[j].start, d->fixes[j].end, 1);
			json_object_set_new(f, "replacement", json_string(d->fixes[j].replacement));
			json_object_set_new(f, "title", json_string(d->fixes[j].title));
			/* false: it overlaps an earlier finding's fix, a suggestion only */
			json_object_set_new(f, "applicable", json_boolean(!d->fixes[j].conflict));
			json_array_append_new(fixes, f);
		}
		for (j = 0; j < d->n_notes; j++) {
			json_t *n = json_object();

			put_pos(n, doc, d->notes[j].start, d->notes[j].end, 0);
			json_object_set_new(n, "message", json_string(d->notes[j].message));
			json_array_append_new(notes, n);
		}
		json_object_set_new(o, "fixes", fixes);
		json_object_set_new(o, "notes", notes);
		json_array_append_new(diags, o);
	}
	json_object_set_new(file, "diagnostics", diags);
	json_array_append_new(r->files, file);
}

/* The entry of file `path`: the last one added when it is that file, else a new one. */
static json_t *file_entry(json_report *r, const char *path)
{
	size_t n = json_array_size(r->files);
	json_t *last = n > 0 ? json_array_get(r->files, n - 1) : NULL;
	json_t *file;

	if (last != NULL && strcmp(json_string_value(json_object_get(last, "path")), path) == 0)
		return last;
	file = json_object();
	json_object_set_new(file, "path", json_string(path));
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

		json_object_set_new(o, "rule", json_string(e->rule));
		json_object_set_new(o, "severity", json_string(severity_name(e->severity)));
		json_object_set_new(o, "message", json_string(e->message));
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
