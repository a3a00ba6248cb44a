/* output-html.c - one self-contained HTML page of the drafts checked. */
#include "output-html.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "escape.h"
#include "position.h"
#include "sink.h"

/* One finding, for the summary at the top of the page. */
typedef struct html_entry {
	char *rule;
	stmtlint_severity severity;
	size_t file;        /* 1-based index of its draft */
	size_t finding;     /* 1-based index of the finding in its draft */
	size_t line;        /* 1-based */
	const char *name;   /* the draft's name (its html_file's) */
} html_entry;

/* One draft of the page. */
typedef struct html_file {
	char *name;
	size_t counts[4];   /* its findings and errors per stmtlint_severity */
} html_file;

struct html_report {
	buf body;           /* the drafts' sections, written as they are added */
	html_entry *entries;
	size_t n_entries;
	size_t cap_entries;
	html_file *files;
	size_t n_files;
	size_t counts[4];   /* findings and errors per stmtlint_severity */
};

/* The page's style: severity by colour and by a written label, so that
 * neither colour nor sight is needed to tell them apart. */
static const char page_style[] =
	"body{font-family:system-ui,sans-serif;margin:1.5rem;line-height:1.4;color:#1b1b1b}"
	"h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}"
	"table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.25rem .5rem;"
	"text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold}"
	".draft{font-family:ui-monospace,monospace;font-size:.9rem;border:1px solid #ccc}"
	".line{display:flex;white-space:pre-wrap;tab-size:8;overflow-wrap:anywhere}"
	".ln{flex:0 0 4rem;text-align:right;padding-right:.75rem;color:#595959;"
	"user-select:none}.src{flex:1}"
	"mark{border-radius:2px;color:inherit}mark:focus{outline:3px solid #000}"
	"mark.empty{display:inline-block;min-width:.6ch;height:1.1em;vertical-align:text-bottom}"
	"mark.sev-error,tr.sev-error td{background:#ffc9c9}mark.sev-error{border-bottom:2px solid #c00}"
	"mark.sev-warning,tr.sev-warning td{background:#ffe8a3}"
	"mark.sev-warning{border-bottom:2px solid #b36b00}"
	"mark.sev-note,tr.sev-note td{background:#d6e8ff}mark.sev-note{border-bottom:2px dotted #1d5fb4}"
	".finding{margin:.2rem 0 .5rem 4.75rem;padding:.3rem .6rem;font-family:system-ui,"
	"sans-serif;white-space:normal;border-left:4px solid;background:#f6f6f6}"
	".finding.sev-error{border-color:#c00}.finding.sev-warning{border-color:#b36b00}"
	".finding.sev-note{border-color:#1d5fb4}"
	".finding ul{margin:.2rem 0;padding-left:1.2rem}.label{font-weight:bold}"
	"code.rule{font-size:.85em}";

/* Appends s[0, len) as HTML text: what escape.h escapes (invalid UTF-8,
 * control and bidirectional characters) as visible escapes, then the
 * characters HTML gives a meaning to as entities. */
static void put_text(buf *b, const char *s, size_t len)
{
	buf tmp;
	size_t i;

	if (escape_needed(s, len, ESCAPE_CONTROLS)) {
		buf_init(&tmp, 0);
		escape_append(&tmp, s, len, ESCAPE_CONTROLS);
		if (!tmp.failed && tmp.data != NULL)
			put_text(b, tmp.data, tmp.len);
		else
			b->failed = 1;
		buf_free(&tmp);
		return;
	}
	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, s[i]); break;
		}
	}
}

static void put_str(buf *b, const char *s)
{
	put_text(b, s ? s : "", s ? strlen(s) : 0);
}

html_report *output_html_new(void)
{
	html_report *r = calloc(1, sizeof(*r));

	if (r != NULL)
		buf_init(&r->body, 0);
	return r;
}

/* Records one finding for the summary.  Returns 0 or -1. */
static int add_entry(html_report *r, const char *rule, stmtlint_severity sev, size_t finding,
                     size_t line)
{
	html_entry *e;

	if (array_reserve((void **)&r->entries, &r->cap_entries, r->n_entries,
	                  sizeof(*r->entries)) != 0)
		return -1;
	e = &r->entries[r->n_entries];
	e->rule = strdup(rule);
	if (e->rule == NULL)
		return -1;
	e->severity = sev;
	e->file = r->n_files;
	e->finding = finding;
	e->line = line;
	e->name = r->files[r->n_files - 1].name;
	r->n_entries++;
	r->counts[sev]++;
	r->files[r->n_files - 1].counts[sev]++;
	return 0;
}

/* ---- one draft's lines ----------------------------------------------------------- */

/* What is written of one draft. */
typedef struct draft_view {
	html_report *r;
	const stmtlint_doc *doc;
	const diag_list *l;
	size_t *start_line;     /* per finding: the 0-based line of its start */
	size_t *order;          /* the findings by start line (the list's order otherwise: a
	                           finding diag_finish() appends may start earlier) */
	size_t *open;           /* findings whose range reaches the current line */
	size_t n_open;
	size_t *points;         /* the current line's boundaries */
} draft_view;

/* Whether finding k covers the bytes [a, b) (b > a). */
static int covers(const struct stmtlint_diag *d, size_t a, size_t b)
{
	return d->start <= a && d->end >= b && d->end > d->start;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a;
	size_t y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Opens a <mark> for the findings `ids` (their count n) at the worst severity. */
static void open_mark(buf *b, size_t file, const draft_view *v, const size_t *ids, size_t n,
                      int empty)
{
	stmtlint_severity worst = STMTLINT_NOTE;
	size_t i;

	for (i = 0; i < n; i++)
		if (v->l->items[ids[i]]->severity > worst)
			worst = v->l->items[ids[i]]->severity;
	buf_printf(b, "<mark class=\"sev-%s%s\" tabindex=\"0\" data-findings=\"",
	           severity_name(worst), empty ? " empty" : "");
	for (i = 0; i < n; i++)
		buf_printf(b, "%sf%zu-d%zu", i ? " " : "", file, ids[i] + 1);
	buf_puts(b, "\" aria-describedby=\"");
	for (i = 0; i < n; i++)
		buf_printf(b, "%sf%zu-d%zu", i ? " " : "", file, ids[i] + 1);
	buf_puts(b, "\">");
}

/* Writes the text of line `line` [ls, le) with the open findings marked. */
static void put_line_text(buf *b, draft_view *v, size_t file, size_t line, size_t ls, size_t le)
{
	size_t n = 0;
	size_t *ids = v->points + 2 * v->n_open + 2;
	size_t i, j;

	v->points[n++] = ls;
	v->points[n++] = le;
	for (i = 0; i < v->n_open; i++) {
		const struct stmtlint_diag *d = v->l->items[v->open[i]];

		v->points[n++] = d->start < ls ? ls : d->start > le ? le : d->start;
		v->points[n++] = d->end < ls ? ls : d->end > le ? le : d->end;
	}
	qsort(v->points, n, sizeof(*v->points), cmp_size);
	for (i = 0; i < n; i++) {
		size_t a = v->points[i];
		size_t k = 0;

		if (i > 0 && a == v->points[i - 1])
			continue;
		/* findings of this line that cover no byte of it: an empty mark here */
		for (j = 0; j < v->n_open; j++) {
			const struct stmtlint_diag *d = v->l->items[v->open[j]];
			size_t at = d->start < ls ? ls : d->start > le ? le : d->start;
			size_t to = d->end > le ? le : d->end;

			if (v->start_line[v->open[j]] == line && at == a && to <= at)
				ids[k++] = v->open[j];
		}
		if (k > 0) {
			open_mark(b, file, v, ids, k, 1);
			buf_puts(b, "</mark>");
		}
		if (a >= le)
			break;
		for (j = i + 1; j < n && v->points[j] == a; j++)
			;
		k = 0;
		for (size_t m = 0; m < v->n_open; m++)
			if (covers(v->l->items[v->open[m]], a, v->points[j]))
				ids[k++] = v->open[m];
		if (k > 0)
			open_mark(b, file, v, ids, k, 0);
		put_text(b, v->doc->text + a, v->points[j] - a);
		if (k > 0)
			buf_puts(b, "</mark>");
	}
}

/* Writes the messages of the findings that start on `line`. */
static void put_findings(buf *b, draft_view *v, size_t file, size_t line, size_t *next)
{
	while (*next < v->l->n && v->start_line[v->order[*next]] == line) {
		size_t k = v->order[*next];
		const struct stmtlint_diag *d = v->l->items[k];
		const char *sev = severity_name(d->severity);
		size_t j;

		buf_printf(b, "<div class=\"finding sev-%s\" id=\"f%zu-d%zu\" role=\"note\">"
		           "<span class=\"label\">%s:</span> ", sev, file, k + 1, sev);
		put_str(b, d->message);
		buf_puts(b, " <code class=\"rule\">[");
		put_str(b, d->rule);
		buf_puts(b, "]</code>");
		if (d->n_fixes + d->n_notes > 0)
			buf_puts(b, "<ul>");
		for (j = 0; j < d->n_fixes; j++) {
			buf_puts(b, "<li>Suggested fix: ");
			put_str(b, d->fixes[j].title);
			buf_puts(b, "</li>");
		}
		for (j = 0; j < d->n_notes; j++) {
			size_t nl = doc_line_of(v->doc, d->notes[j].start) + 1;

			buf_printf(b, "<li>Note, <a href=\"#f%zu-l%zu\">line %zu</a>: ", file, nl, nl);
			put_str(b, d->notes[j].message);
			buf_puts(b, "</li>");
		}
		if (d->n_fixes + d->n_notes > 0)
			buf_puts(b, "</ul>");
		buf_puts(b, "</div>");
		if (add_entry(v->r, d->rule, d->severity, k + 1, line + 1) != 0)
			b->failed = 1;
		(*next)++;
	}
}

/* A finding's place in the draft's order. */
typedef struct line_key {
	size_t line;
	size_t index;
} line_key;

static int cmp_line_key(const void *a, const void *b)
{
	const line_key *x = a;
	const line_key *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Fills v->start_line and v->order.  Returns 0 or -1. */
static int order_findings(draft_view *v)
{
	line_key *keys = malloc((v->l->n + 1) * sizeof(*keys));
	size_t i;

	if (keys == NULL)
		return -1;
	for (i = 0; i < v->l->n; i++) {
		v->start_line[i] = v->doc->n_lines ? doc_line_of(v->doc, v->l->items[i]->start) : 0;
		keys[i].line = v->start_line[i];
		keys[i].index = i;
	}
	qsort(keys, v->l->n, sizeof(*keys), cmp_line_key);
	for (i = 0; i < v->l->n; i++)
		v->order[i] = keys[i].index;
	free(keys);
	return 0;
}

/* Writes every line of the draft with its findings. */
static void put_draft(buf *b, draft_view *v, size_t file)
{
	const stmtlint_doc *doc = v->doc;
	size_t next_open = 0;
	size_t next_msg = 0;
	size_t line;

	buf_puts(b, "<div class=\"draft\">");
	for (line = 0; line < doc->n_lines; line++) {
		size_t ls = doc->lines[line].start;
		size_t le = doc->lines[line].end;
		size_t i, k = 0;

		for (i = 0; i < v->n_open; i++)   /* drop the findings that ended before */
			if (v->l->items[v->open[i]]->end > ls || v->start_line[v->open[i]] == line)
				v->open[k++] = v->open[i];
		v->n_open = k;
		while (next_open < v->l->n && v->start_line[v->order[next_open]] == line)
			v->open[v->n_open++] = v->order[next_open++];
		buf_printf(b, "<div class=\"line\" id=\"f%zu-l%zu\"><span class=\"ln\" "
		           "aria-label=\"line %zu\">%zu</span><code class=\"src\">",
		           file, line + 1, line + 1, line + 1);
		put_line_text(b, v, file, line, ls, le);
		buf_puts(b, "</code></div>");
		put_findings(b, v, file, line, &next_msg);
	}
	buf_puts(b, "</div>");
}

/* Writes the errors that kept the draft from being checked fully. */
static void put_errors(html_report *r, const errlist *errors)
{
	buf *b = &r->body;
	size_t i;

	if (errors == NULL || errors->n == 0)
		return;
	buf_puts(b, "<ul class=\"errors\">");
	for (i = 0; i < errors->n; i++) {
		const sl_error *e = &errors->items[i];
		buf line;

		buf_printf(b, "<li class=\"finding sev-%s\" role=\"note\">",
		           severity_name(e->severity));
		buf_init(&line, 0);
		errlist_format_one(e, &line);
		put_str(b, line.data);
		buf_free(&line);
		buf_puts(b, "</li>");
		r->counts[e->severity]++;
		r->files[r->n_files - 1].counts[e->severity]++;
	}
	buf_puts(b, "</ul>");
}

void output_html_add(html_report *r, const char *name, const stmtlint_doc *doc,
                     const diag_list *l, const errlist *errors)
{
	html_file *files;
	draft_view v;
	size_t file;

	if (r == NULL)
		return;
	files = realloc(r->files, (r->n_files + 1) * sizeof(*files));
	if (files == NULL) {
		r->body.failed = 1;
		return;
	}
	r->files = files;
	memset(&files[r->n_files], 0, sizeof(*files));
	files[r->n_files].name = strdup(name);
	if (files[r->n_files].name == NULL) {
		r->body.failed = 1;
		return;
	}
	file = ++r->n_files;
	buf_printf(&r->body, "<section aria-labelledby=\"f%zu\"><h2 id=\"f%zu\">", file, file);
	put_str(&r->body, name);
	buf_puts(&r->body, "</h2>");
	put_errors(r, errors);
	if (doc != NULL && l != NULL) {
		memset(&v, 0, sizeof(v));
		v.r = r;
		v.doc = doc;
		v.l = l;
		v.start_line = malloc((l->n + 1) * sizeof(size_t));
		v.order = malloc((l->n + 1) * sizeof(size_t));
		v.open = malloc((l->n + 1) * sizeof(size_t));
		v.points = malloc((3 * l->n + 4) * sizeof(size_t));
		if (v.start_line == NULL || v.order == NULL || v.open == NULL || v.points == NULL ||
		    order_findings(&v) != 0) {
			r->body.failed = 1;
		} else {
			put_draft(&r->body, &v, file);
		}
		free(v.start_line);
		free(v.order);
		free(v.open);
		free(v.points);
	}
	buf_puts(&r->body, "</section>");
}

/* ---- the page ------------------------------------------------------------------ */

/* Orders the summary: by severity (worst first), rule, file, finding. */
static int cmp_entry(const void *a, const void *b)
{
	const html_entry *x = a;
	const html_entry *y = b;
	int c;

	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	c = strcmp(x->rule, y->rule);
	if (c != 0)
		return c;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->finding < y->finding ? -1 : x->finding > y->finding;
}

/* "N errors, N warnings, N notes" of counts. */
static void put_counts(buf *b, const size_t *counts)
{
	buf_printf(b, "%zu error%s, %zu warning%s, %zu note%s", counts[STMTLINT_ERROR],
	           counts[STMTLINT_ERROR] == 1 ? "" : "s", counts[STMTLINT_WARNING],
	           counts[STMTLINT_WARNING] == 1 ? "" : "s", counts[STMTLINT_NOTE],
	           counts[STMTLINT_NOTE] == 1 ? "" : "s");
}

/* Writes the totals, the list of drafts (when there are several) and the
 * table: one row per rule and severity, linking to each finding. */
static void put_summary(buf *b, html_report *r)
{
	size_t i = 0;

	buf_printf(b, "<p>%zu draft%s: ", r->n_files, r->n_files == 1 ? "" : "s");
	put_counts(b, r->counts);
	buf_puts(b, ".</p>");
	if (r->n_files > 1) {
		buf_puts(b, "<ul>");
		for (i = 0; i < r->n_files; i++) {
			buf_printf(b, "<li><a href=\"#f%zu\">", i + 1);
			put_str(b, r->files[i].name);
			buf_puts(b, "</a>: ");
			put_counts(b, r->files[i].counts);
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ul>");
		i = 0;
	}
	if (r->n_entries == 0)
		return;
	qsort(r->entries, r->n_entries, sizeof(*r->entries), cmp_entry);
	buf_puts(b, "<table><caption>Findings by rule and severity</caption><thead><tr>"
	         "<th scope=\"col\">Severity</th><th scope=\"col\">Rule</th>"
	         "<th scope=\"col\">Count</th><th scope=\"col\">Where</th></tr></thead><tbody>");
	while (i < r->n_entries) {
		size_t j = i;

		while (j < r->n_entries && r->entries[j].severity == r->entries[i].severity &&
		       strcmp(r->entries[j].rule, r->entries[i].rule) == 0)
			j++;
		buf_printf(b, "<tr class=\"sev-%s\"><td>%s</td><td><code>",
		           severity_name(r->entries[i].severity), severity_name(r->entries[i].severity));
		put_str(b, r->entries[i].rule);
		buf_printf(b, "</code></td><td>%zu</td><td>", j - i);
		for (; i < j; i++) {
			const html_entry *e = &r->entries[i];

			buf_printf(b, "<a href=\"#f%zu-d%zu\">", e->file, e->finding);
			if (r->n_files > 1) {
				put_str(b, e->name);
				buf_putc(b, ':');
			}
			buf_printf(b, "%zu</a>%s", e->line, i + 1 < j ? ", " : "");
		}
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table>");
}

static void report_free(html_report *r)
{
	size_t i;

	for (i = 0; i < r->n_entries; i++)
		free(r->entries[i].rule);
	for (i = 0; i < r->n_files; i++)
		free(r->files[i].name);
	free(r->entries);
	free(r->files);
	buf_free(&r->body);
	free(r);
}

void output_html_finish(html_report *r, FILE *out)
{
	buf head;

	if (r == NULL)
		return;
	buf_init(&head, 0);
	/* no script may run, whatever a draft holds: the page needs none */
	buf_printf(&head, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	           "style-src 'unsafe-inline'\"><meta name=\"viewport\" content=\"width=device-"
	           "width, initial-scale=1\"><title>stmtlint report</title><style>%s</style>"
	           "</head><body><header><h1>stmtlint report</h1></header><nav aria-label="
	           "\"Summary\"><h2>Summary</h2>", page_style);
	put_summary(&head, r);
	buf_puts(&head, "</nav><main>");
	if (head.data != NULL)
		fputs(head.data, out);
	if (r->body.data != NULL)
		fwrite(r->body.data, 1, r->body.len, out);
	fputs(r->body.failed || head.failed ? "<p role=\"alert\">stmtlint ran out of memory: this "
	      "report is incomplete.</p>" : "", out);
	fputs("</main></body></html>\n", out);
	buf_free(&head);
	report_free(r);
}

/* ---- as a sink (sink.h) ------------------------------------------------------ */

static void html_draft(sink *k, const check_report *r)
{
	output_html_add(k->state, r->name, r->doc != NULL ? &r->doc->pub : NULL, &r->diags,
	                &r->errors);
}

static void html_errors(sink *k, const errlist *errors)
{
	(void)k;
	sink_print_errors(errors);
}

static void html_finish(sink *k, const sink_totals *t)
{
	(void)t;
	output_html_finish(k->state, k->out);
	free(k);
}

sink *sink_html_new(FILE *out, const output_opts *o)
{
	html_report *r = output_html_new();
	sink *k = r != NULL ? sink_alloc(out, o, html_draft, html_errors, html_finish, NULL, r) : NULL;

	if (k == NULL && r != NULL)
		report_free(r);
	return k;
}
