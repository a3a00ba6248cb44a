/* lsp-diagnostics.h - a check's findings as the Language Server Protocol's
 * Diagnostic objects, and its fix-its and suppressions as CodeActions. */
#ifndef STMTLINT_LSP_DIAGNOSTICS_H
#define STMTLINT_LSP_DIAGNOSTICS_H

#include <stddef.h>

#include <jansson.h>

#include "errlist.h"
#include "lsp-text.h"
#include "session.h"

/* How diagnostics are written for one client. */
typedef struct lsp_style {
	lsp_encoding enc;            /* the unit of `character` */
	const char *doc_base;        /* codeDescription.href is doc_base#RULE */
	int document_changes;        /* the client takes WorkspaceEdit.documentChanges */
} lsp_style;

/* The Diagnostic array of a draft's report: its findings (notes as
 * relatedInformation in `uri`) and the errors about the draft itself (those
 * whose file is r->name); when the draft could not be checked for an error
 * in another file (its configuration), one Diagnostic at its start per such
 * error, related to the error's place.  A new reference, NULL when out of
 * memory. */
json_t *lsp_diagnostics(const check_report *r, const char *uri, const lsp_style *st);
/* One Diagnostic for an error about another file (a configuration), at
 * its line and column (or the start of the file). */
json_t *lsp_error_diagnostic(const sl_error *e, const lsp_style *st);

/* The CodeActions for findings of r that touch the draft's bytes [from, to]
 * (offsets of the draft as the editor has it, byte-order mark included) or
 * that `context_diags` (the request's context.diagnostics) names: each
 * fix-it as a "quickfix" (preferred when it is the finding's only fix, is
 * not in conflict and the finding is no note), then "Disable RULE on this
 * line", which inserts a stmtlint-disable-next-line comment above the
 * finding's line.  `version` is the text's version.  A new reference. */
json_t *lsp_code_actions(const check_report *r, const char *uri, long long version, size_t from,
                         size_t to, const json_t *context_diags, const lsp_style *st);

#endif
