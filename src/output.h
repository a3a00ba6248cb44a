/* output.h - printing findings as GCC-style text or as JSON. */
#ifndef STMTLINT_OUTPUT_H
#define STMTLINT_OUTPUT_H

#include <stdio.h>

#include <jansson.h>

#include "diag.h"
#include "doc.h"
#include "errlist.h"
#include "position.h"

typedef struct output_opts {
	int color;                  /* ANSI colours */
	position_unit column_unit;  /* the column of `file:line:column:` (text only) */
} output_opts;

/* Prints the findings of one draft as GCC prints diagnostics: the location
 * (column in o->column_unit), severity, message and [rule]; the source line
 * with a gutter (widened for line numbers above 99999), tabs expanded, a
 * caret and '~' under the range, in display columns; the fix-its; then the
 * notes (without the source line again when a note has its finding's
 * range).  Control characters, bidirectional controls and invalid UTF-8 in
 * the file name, messages, source line and fix-its are written as escapes
 * ("\x1b", "\u202E", see escape.h), never raw. */
void output_text(FILE *out, const output_opts *o, const stmtlint_doc *doc, const diag_list *l);

/* A JSON string (jansson's json_t) holding s, always valid UTF-8: each
 * byte of s that is not valid UTF-8 becomes the four characters \xNN, as in
 * text output; NULL becomes "".  NULL only when out of memory. */
struct json_t *output_json_string(const char *s);

/* Collects files for one JSON document (see output_json_*). */
typedef struct json_report json_report;

json_report *output_json_new(void);
/* Adds one file and its findings (copied); doc may be NULL for a file that
 * could not be read.  Every position has its line, code-point column,
 * UTF-16 column and byte offset, of both ends; strings that are not valid
 * UTF-8 have their invalid bytes written as the text \xNN. */
void output_json_add(json_report *r, const char *path, const stmtlint_doc *doc, const diag_list *l);
/* Adds errors (configuration, plugins, input) as findings with their core
 * rule: those about `draft` to its entry (the last one added, or a new one
 * when it is not), the others to an entry for their own file, e.g. the
 * configuration they were found in.  Errors without a position are placed
 * at line 1, column 1 of their file. */
void output_json_add_errors(json_report *r, const char *draft, const errlist *errors);
/* Frees a report without printing it; accepts NULL. */
void output_json_free(json_report *r);
/* Prints {"version":1,"files":[…],"summary":{…}} and frees the report. */
void output_json_finish(json_report *r, FILE *out, size_t files, size_t errors, size_t warnings,
                        size_t notes);

#endif
