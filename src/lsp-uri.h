/* lsp-uri.h - file: URIs of the Language Server Protocol and the paths they name. */
#ifndef STMTLINT_LSP_URI_H
#define STMTLINT_LSP_URI_H

/* The path a "file:" URI names (percent-decoded; the authority must be
 * empty or "localhost"), or NULL when uri is not such a URI or decodes to a
 * path holding a NUL byte.  The caller frees it. */
char *lsp_uri_to_path(const char *uri);
/* The "file:" URI of path (made absolute from the current folder when it
 * is relative), percent-encoding every byte but the unreserved ones and
 * '/'.  NULL when out of memory.  The caller frees it. */
char *lsp_path_to_uri(const char *path);

#endif
