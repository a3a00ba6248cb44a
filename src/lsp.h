/* lsp.h - stmtlint --lsp: a Language Server Protocol 3.17 server over a
 * pair of descriptors (standard input and output), re-checking the drafts
 * an editor has open as they are edited. */
#ifndef STMTLINT_LSP_H
#define STMTLINT_LSP_H

#include "session.h"

/* Serves one client until it sends `exit` or goes away: one session (the
 * plugins, profiles and datasets loaded once, from `so`, which must
 * outlive the call), messages read from in_fd and written to out_fd.
 * Returns the exit status: 0 after shutdown and exit, 1 when the client
 * exited without shutdown or disappeared, 2 when the server could not
 * start. */
int lsp_serve(const session_opts *so, int in_fd, int out_fd);

#endif
