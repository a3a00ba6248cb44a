/* sink.h - an output format as a sink: it is given each draft's report in
 * input order, the errors that belong to no draft, and the totals at the
 * end.  One sink per format: text and JSON (sink.c), SARIF
 * (output-sarif.c), GitHub annotations (output-github.c), one HTML page
 * (output-html.c). */
#ifndef STMTLINT_SINK_H
#define STMTLINT_SINK_H

#include <stdio.h>

#include "errlist.h"
#include "output.h"
#include "session.h"

/* What a run saw, for a summary. */
typedef struct sink_totals {
	size_t files;       /* drafts checked */
	size_t errors;
	size_t warnings;
	size_t notes;
} sink_totals;

typedef struct sink sink;
struct sink {
	/* One draft: its findings (r->doc may be NULL when it could not be
	 * read) and its errors. */
	void (*draft)(sink *k, const check_report *r);
	/* For formats that write each draft on its own (text, github), or NULL:
	 * the findings of one draft as draft() would write them, into a new
	 * malloc'ed *text of *len bytes, so that a thread of a parallel run can
	 * do the work; the runner then writes them to `out` and hands the
	 * draft's errors to errors().  Safe to call from several threads at
	 * once.  Returns 0, or -1 when out of memory. */
	int (*render)(const sink *k, const check_report *r, char **text, size_t *len);
	/* Writes what render() made, in input order, or NULL to write it to
	 * `out` as it is. */
	void (*put)(sink *k, const char *text, size_t len);
	/* Errors about no draft: the session's, a folder's, a configuration's
	 * met through a draft that was left out. */
	void (*errors)(sink *k, const errlist *errors);
	/* Writes what is left (a JSON or SARIF document) and frees the sink. */
	void (*finish)(sink *k, const sink_totals *t);
	FILE *out;
	output_opts opts;
	void *state;        /* the format's own */
};

/* The formats --format takes, for messages: "text, json, sarif or github". */
extern const char sink_format_names[];

/* Whether `format` names a sink. */
int sink_format_known(const char *format);

/* A sink for `format` writing to `out` (errors of the text format go to
 * standard error); `s` gives SARIF the rules' metadata.  NULL when the
 * format is unknown or out of memory. */
sink *sink_new(const char *format, FILE *out, const output_opts *o, const session *s);

/* Prints errors on standard error as compilers do, after flushing
 * standard output (the text format's errors, and those of --diff). */
void sink_print_errors(const errlist *errors);

/* A new sink writing to `out` with these functions (render may be NULL)
 * and state; NULL when out of memory. */
sink *sink_alloc(FILE *out, const output_opts *o,
                 void (*draft)(sink *, const check_report *),
                 void (*errors)(sink *, const errlist *),
                 void (*finish)(sink *, const sink_totals *),
                 int (*render)(const sink *, const check_report *, char **, size_t *),
                 void *state);

/* Writes one draft that render() made into text: the text (through put()
 * when the sink has one), then the draft's errors through errors(). */
void sink_write_rendered(sink *k, const check_report *r, const char *text, size_t len);

/* A finish() for sinks that wrote everything as they went: frees k. */
void sink_finish_plain(sink *k, const sink_totals *t);

/* The SARIF and GitHub sinks, as sink_new() makes them. */
sink *sink_sarif_new(FILE *out, const output_opts *o, const session *s);
sink *sink_github_new(FILE *out, const output_opts *o);
/* The HTML sink: one page of every draft, written at the end; errors about
 * no draft go to standard error. */
sink *sink_html_new(FILE *out, const output_opts *o);

#endif
