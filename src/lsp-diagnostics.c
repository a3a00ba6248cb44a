/* lsp-diagnostics.c - findings as Diagnostics, fix-its as CodeActions. */
#include "lsp-diagnostics.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corerules.h"
#include "lsp-uri.h"
#include "output.h"
#include "position.h"
#include "utf8.h"

/* The comment a "disable on this line" action inserts: the directive, then the rule. */
#define DISABLE_DIRECTIVE "stmtlint-disable-next-line"

/* The protocol's DiagnosticSeverity: 1 error, 2 warning, 3 information. */
static int lsp_severity(stmtlint_severity s)
{
	return s == STMTLINT_ERROR ? 1 : s == STMTLINT_WARNING ? 2 : 3;
}

/* The Position of byte `offset` of the draft's text (after its byte-order
 * mark, which the editor counts on the first line). */
static json_t *pos_json(position_cursor *cur, size_t offset, const lsp_style *st)
{
	position p = position_at(cur, offset);
	size_t ch = (st->enc == LSP_UTF8 ? p.byte_column : p.utf16_column) - 1;

	if (p.line == 1 && cur->doc->bom > 0)
		ch += st->enc == LSP_UTF8 ? cur->doc->bom : 1;
	return json_pack("{s:I,s:I}", "line", (json_int_t)(p.line - 1), "character", (json_int_t)ch);
}

static json_t *range_json(position_cursor *cur, size_t start, size_t end, const lsp_style *st)
{
	return json_pack("{s:o,s:o}", "start", pos_json(cur, start, st), "end",
	                 pos_json(cur, end, st));
}

/* A Range of zero length at 1-based line and column (0: the start). */
static json_t *point_range(size_t line, size_t column)
{
	json_int_t l = line > 0 ? (json_int_t)line - 1 : 0;
	json_int_t c = column > 0 ? (json_int_t)column - 1 : 0;

	return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", l, "character", c, "end",
	                 "line", l, "character", c);
}

/* The Diagnostic fields every finding and error has. */
static json_t *diagnostic_base(json_t *range, stmtlint_severity sev, const char *rule,
                               const char *message, const lsp_style *st)
{
	json_t *d;
	buf href;

	buf_init(&href, 0);
	buf_printf(&href, "%s#%s", st->doc_base, rule);
	d = json_pack("{s:o,s:i,s:o,s:{s:o},s:s,s:o}", "range", range, "severity", lsp_severity(sev),
	              "code", output_json_string(rule), "codeDescription", "href", output_json_string(href.data),
	              "source", "stmtlint", "message", output_json_string(message));
	buf_free(&href);
	return d;
}

/* The Diagnostic of one finding, its notes as relatedInformation. */
static json_t *finding_json(position_cursor *cur, const struct stmtlint_diag *f, const char *uri,
                            const lsp_style *st)
{
	json_t *d = diagnostic_base(range_json(cur, f->start, f->end, st), f->severity, f->rule,
	                            f->message, st);
	json_t *related;
	size_t i;

	if (d == NULL || f->n_notes == 0)
		return d;
	related = json_array();
	for (i = 0; i < f->n_notes; i++)
		json_array_append_new(related, json_pack("{s:{s:s,s:o},s:o}", "location", "uri", uri,
		                      "range", range_json(cur, f->notes[i].start, f->notes[i].end, st),
		                      "message", output_json_string(f->notes[i].message)));
	json_object_set_new(d, "relatedInformation", related);
	return d;
}

/* The offset in the draft of 1-based `line` and code-point `column`
 * (clamped to the line). */
static size_t offset_of(const stmtlint_doc *doc, size_t line, size_t column)
{
	size_t i, end;
	size_t k;

	if (line == 0 || doc->n_lines == 0)
		return 0;
	if (line > doc->n_lines)
		return doc->length;
	i = doc->lines[line - 1].start;
	end = doc->lines[line - 1].end;
	for (k = 1; k < column && i < end; k++) {
		uint32_t cp;

		i += utf8_next(doc->text + i, end - i, &cp);
	}
	return i;
}

/* A draft that was not checked because of an error in another file (its
 * configuration): a Diagnostic at its start saying so, related to the
 * error's place. */
static json_t *not_checked_json(const sl_error *e, const lsp_style *st)
{
	char *file_uri = lsp_path_to_uri(e->file);
	json_t *d;
	buf text;

	buf_init(&text, 0);
	buf_puts(&text, "not checked: ");
	errlist_format_one(e, &text);
	d = diagnostic_base(point_range(0, 0), e->severity, e->rule, text.data, st);
	if (d != NULL && file_uri != NULL)
		json_object_set_new(d, "relatedInformation", json_pack(
			"[{s:{s:s,s:o},s:o}]", "location", "uri", file_uri, "range",
			point_range(e->line, e->column), "message", output_json_string(e->message)));
	free(file_uri);
	buf_free(&text);
	return d;
}

json_t *lsp_diagnostics(const check_report *r, const char *uri, const lsp_style *st)
{
	json_t *out = json_array();
	position_cursor cur;
	size_t i;

	if (out == NULL)
		return NULL;
	if (r->doc != NULL) {
		position_cursor_init(&cur, &r->doc->pub);
		for (i = 0; i < r->diags.n; i++)
			json_array_append_new(out, finding_json(&cur, r->diags.items[i], uri, st));
	}
	for (i = 0; i < r->errors.n; i++) {
		const sl_error *e = &r->errors.items[i];
		json_t *range;

		if (e->file == NULL)
			continue;
		if (strcmp(e->file, r->name) != 0) {
			if (r->doc == NULL && e->severity == STMTLINT_ERROR)
				json_array_append_new(out, not_checked_json(e, st));
			continue;
		}
		if (r->doc != NULL) {
			size_t at = offset_of(&r->doc->pub, e->line, e->column);

			range = range_json(&cur, at, at, st);
		} else {
			range = point_range(e->line, e->column);
		}
		json_array_append_new(out, diagnostic_base(range, e->severity, e->rule, e->message, st));
	}
	if (r->doc != NULL)
		position_cursor_free(&cur);
	return out;
}

json_t *lsp_error_diagnostic(const sl_error *e, const lsp_style *st)
{
	return diagnostic_base(point_range(e->line, e->column), e->severity, e->rule, e->message, st);
}

/* ---- code actions ------------------------------------------------------------ */

/* A WorkspaceEdit of one TextEdit in `uri`. */
static json_t *workspace_edit(const char *uri, long long version, json_t *range,
                              const char *new_text, const lsp_style *st)
{
	json_t *edits = json_pack("[{s:o,s:o}]", "range", range, "newText", output_json_string(new_text));

	if (st->document_changes)
		return json_pack("{s:[{s:{s:s,s:I},s:o}]}", "documentChanges", "textDocument", "uri", uri,
		                 "version", (json_int_t)version, "edits", edits);
	return json_pack("{s:{s:o}}", "changes", uri, edits);
}

/* Whether the request's context names finding f (by rule and start). */
static int named_in_context(const json_t *context_diags, const json_t *start, const char *rule)
{
	size_t i;
	json_t *d;

	json_array_foreach(context_diags, i, d) {
		const json_t *code = json_object_get(d, "code");
		const json_t *s = json_object_get(json_object_get(d, "range"), "start");

		if (json_is_string(code) && strcmp(json_string_value(code), rule) == 0 &&
		    json_equal(s, start))
			return 1;
	}
	return 0;
}

/* Whether a finding of `rule` may be silenced by a comment: not the core's
 * rules that say something could not be checked. */
static int can_disable(const char *rule)
{
	int k = core_rule_find(rule);

	return k < 0 || !core_rules[k].fixed;
}

/* "Disable RULE on this line": a comment with the line's indentation above it. */
static json_t *disable_action(position_cursor *cur, const sl_doc *doc,
                              const struct stmtlint_diag *f, json_t *diag, const char *uri,
                              long long version, const lsp_style *st)
{
	size_t line = doc->pub.n_lines > 0 ? doc_line_of(&doc->pub, f->start) : 0;
	size_t at = doc->pub.n_lines > 0 ? doc->pub.lines[line].start : 0;
	size_t indent = at;
	json_t *action;
	buf text;
	buf title;

	while (indent < doc->pub.length && (doc->text[indent] == ' ' || doc->text[indent] == '\t'))
		indent++;
	buf_init(&text, 0);
	buf_init(&title, 0);
	buf_append(&text, doc->text + at, indent - at);
	buf_printf(&text, "<!-- %s %s -->%s", DISABLE_DIRECTIVE, f->rule, doc->crlf ? "\r\n" : "\n");
	buf_printf(&title, "Disable %s on this line", f->rule);
	action = json_pack("{s:o,s:s,s:[O],s:o}", "title", output_json_string(title.data), "kind", "quickfix",
	                   "diagnostics", diag, "edit",
	                   workspace_edit(uri, version, range_json(cur, at, at, st), text.data, st));
	buf_free(&text);
	buf_free(&title);
	return action;
}

/* Appends the actions of finding f to out; "Disable RULE on this line"
 * only when `disable` (once per rule and line). */
static void finding_actions(json_t *out, position_cursor *cur, const check_report *r,
                            const struct stmtlint_diag *f, int disable, const char *uri,
                            long long version, const lsp_style *st)
{
	json_t *diag = finding_json(cur, f, uri, st);
	size_t j;

	for (j = 0; j < f->n_fixes; j++) {
		const diag_fix *fx = &f->fixes[j];
		int preferred = f->n_fixes == 1 && !fx->conflict && !fx->guess &&
		                f->severity != STMTLINT_NOTE;
		json_t *a = json_pack("{s:o,s:s,s:[O],s:b,s:o}", "title",
		                      output_json_string(fx->title ? fx->title : "Apply the fix"),
		                      "kind", "quickfix",
		                      "diagnostics", diag, "isPreferred", preferred, "edit",
		                      workspace_edit(uri, version, range_json(cur, fx->start, fx->end, st),
		                                     fx->replacement, st));

		json_array_append_new(out, a);
	}
	if (disable && can_disable(f->rule))
		json_array_append_new(out, disable_action(cur, r->doc, f, diag, uri, version, st));
	json_decref(diag);
}

json_t *lsp_code_actions(const check_report *r, const char *uri, long long version, size_t from,
                         size_t to, const json_t *context_diags, const lsp_style *st)
{
	json_t *out = json_array();
	const struct stmtlint_diag **offered = NULL;   /* the findings given a disable action */
	size_t n_offered = 0;
	position_cursor cur;
	size_t bom;
	size_t i, k;

	if (out == NULL || r->doc == NULL)
		return out;
	offered = calloc(r->diags.n + 1, sizeof(*offered));
	if (offered == NULL)
		return out;
	bom = r->doc->bom;
	from = from > bom ? from - bom : 0;
	to = to > bom ? to - bom : 0;
	position_cursor_init(&cur, &r->doc->pub);
	for (i = 0; i < r->diags.n; i++) {
		const struct stmtlint_diag *f = r->diags.items[i];
		int touches = f->start <= to && f->end >= from;

		if (!touches && context_diags != NULL) {
			json_t *start = pos_json(&cur, f->start, st);

			touches = named_in_context(context_diags, start, f->rule);
			json_decref(start);
		}
		if (!touches)
			continue;
		for (k = 0; k < n_offered; k++)
			if (strcmp(offered[k]->rule, f->rule) == 0 &&
			    doc_line_of(&r->doc->pub, offered[k]->start) == doc_line_of(&r->doc->pub,
			                                                                  f->start))
				break;
		if (k == n_offered)
			offered[n_offered++] = f;
		finding_actions(out, &cur, r, f, offered[k] == f, uri, version, st);
	}
	position_cursor_free(&cur);
	free(offered);
	return out;
}
