/* lsp-server.h - the state of stmtlint's language server, shared by its
 * message loop (lsp.c) and its document handling (lsp-documents.c).
 * Internal to the server. */
#ifndef STMTLINT_LSP_SERVER_H
#define STMTLINT_LSP_SERVER_H

#include <sys/stat.h>
#include <sys/types.h>

#include <jansson.h>

#include "lsp-diagnostics.h"
#include "lsp-io.h"
#include "lsp-text.h"
#include "session.h"

/* The longest wait, in milliseconds, after an edit before a draft is
 * checked again.  While changes come faster than the draft's checks take,
 * the server waits for a pause as long as its last check took (so that a
 * slow check is not run for every keystroke), at most this; a change after
 * a pause is checked at once. */
#define LSP_DEBOUNCE_MAX_MS 200.0
/* A check faster than this (milliseconds) is run at once, without waiting
 * for the typing to pause: coalescing the edits already received is enough. */
#define LSP_DEBOUNCE_FREE_MS 2.0
/* How often (milliseconds) the client's process is looked for while idle. */
#define LSP_PARENT_CHECK_MS 2000
/* The most documents open at once; more are refused with a message. */
#define LSP_MAX_DOCUMENTS 4096

/* One draft the editor has open. */
typedef struct lsp_doc {
	char *uri;
	char *name;                  /* its path, or the URI when it is no file: */
	int is_config;               /* a configuration file (YAML): not checked as a draft */
	lsp_text text;
	long long version;
	unsigned long long edit_seq; /* counts the changes */
	unsigned long long report_seq; /* edit_seq of the text `report` is about */
	int has_report;
	check_report report;
	int dirty;                   /* changed since its last check */
	int unpublished;             /* `report` has not been published */
	double changed_at;           /* when it was last changed (ms, monotonic) */
	double check_ms;             /* how long its last check took */
	int typing;                  /* its last change came within check_ms of the one before */
	char *lost;                  /* why its text is no longer followed (too large, a
	                                reversed range), or NULL */
} lsp_doc;

/* Diagnostics published on a configuration file (its errors). */
typedef struct lsp_config_diags {
	char *path;
	char *uri;
	json_t *diags;
	unsigned long long check_seq; /* the check that reported them */
	int exists;
	struct stat st;              /* the file when they were reported */
	int unpublished;
} lsp_config_diags;

typedef struct lsp_server {
	const session_opts *so;
	session *s;
	errlist start_errors;        /* the session's, told the client after initialize */
	lsp_reader in;
	int out_fd;
	int initialize_seen;
	int shutdown_seen;
	int done;
	int status;                  /* the exit status once done */
	lsp_style style;
	char *doc_base;
	double debounce_ms;          /* < 0: adaptive (see LSP_DEBOUNCE_MAX_MS) */
	int watch_dynamic;           /* the client registers file watchers on request */
	pid_t parent;                /* the client's process, or 0 */
	long long next_request_id;
	unsigned long long check_seq;
	lsp_doc **docs;
	size_t n_docs;
	lsp_config_diags *configs;
	size_t n_configs;
} lsp_server;

/* Milliseconds on the monotonic clock. */
double lsp_now_ms(void);
/* Sends a message (a new reference, which is stolen); a failed write ends
 * the session. */
void lsp_send(lsp_server *srv, json_t *msg);
/* Sends a notification `method` with params (stolen). */
void lsp_notify(lsp_server *srv, const char *method, json_t *params);
/* window/logMessage of `type` (1 error, 2 warning, 3 info, 4 log). */
void lsp_log(lsp_server *srv, int type, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The document handlers (lsp-documents.c): each takes the message's params
 * (borrowed).  A request's handler returns its result (a new reference) or
 * NULL with *code and *message set to a JSON-RPC error. */
void lsp_did_open(lsp_server *srv, const json_t *params);
void lsp_did_change(lsp_server *srv, const json_t *params);
void lsp_did_save(lsp_server *srv, const json_t *params);
void lsp_did_close(lsp_server *srv, const json_t *params);
void lsp_did_change_watched_files(lsp_server *srv, const json_t *params);
json_t *lsp_code_action(lsp_server *srv, const json_t *params, int *code, const char **message);
/* Milliseconds until the next document is due to be checked or published
 * (0: now); -1 for none. */
int lsp_next_check_in(lsp_server *srv);
/* Checks every due document, reads what the client sent meanwhile, then
 * publishes what is still current. */
void lsp_run_checks(lsp_server *srv);
/* Handles one message (lsp.c), for lsp_run_checks's reading. */
void lsp_handle(lsp_server *srv, json_t *msg);
/* Reads and handles one message; returns 0, or -1 when the input ended. */
int lsp_read_one(lsp_server *srv);
/* Frees every document and configuration record. */
void lsp_documents_free(lsp_server *srv);

#endif
