/* output-html.h - one self-contained HTML page (no script, no network) of
 * the drafts checked, each finding highlighted in its draft's text, for
 * drafters and reviewers who do not use a terminal or an editor. */
#ifndef STMTLINT_OUTPUT_HTML_H
#define STMTLINT_OUTPUT_HTML_H

#include <stdio.h>

#include "diag.h"
#include "errlist.h"

/* Collects the drafts of one page. */
typedef struct html_report html_report;

/* A new, empty report; NULL when out of memory. */
html_report *output_html_new(void);
/* Adds one draft: its text line by line with each finding's range marked
 * (by severity; focusable, described by its message), the message, fix-its
 * and notes under the finding's line, and the errors that kept it from
 * being checked (`errors`; doc may be NULL when it could not be read).
 * Everything from the draft and the messages is escaped; bytes that are not
 * UTF-8 and control characters are shown as the text \xNN or \uNNNN.  The
 * report copies what it needs. */
void output_html_add(html_report *r, const char *name, const stmtlint_doc *doc,
                     const diag_list *l, const errlist *errors);
/* Writes the page (a summary by rule and severity linking to every
 * finding, then each draft) to out and frees the report.  Accepts NULL. */
void output_html_finish(html_report *r, FILE *out);

#endif
