/* lsp.c - stmtlint's language server: the message loop, the lifecycle
 * (initialize, shutdown, exit) and the dispatch of methods.  The documents
 * are lsp-documents.c's. */
#include "config.h"

#include "lsp.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "lsp-server.h"
#include "output.h"

/* JSON-RPC's and the protocol's error codes. */
#define RPC_PARSE_ERROR -32700
#define RPC_INVALID_REQUEST -32600
#define RPC_METHOD_NOT_FOUND -32601
#define RPC_INVALID_PARAMS -32602
#define RPC_SERVER_NOT_INITIALIZED -32002

/* Where codeDescription links when the client names no other place: the
 * rules' manual page, at the rule. */
#define LSP_DEFAULT_DOC_BASE "man:stmtlint-rules(5)"
/* The longest debounce a client may ask for (initializationOptions.debounceMs). */
#define LSP_MAX_DEBOUNCE_MS 5000
/* The pipe size asked for standard output: the diagnostics of a 1 MB draft. */
#define LSP_PIPE_BYTES (1 << 20)
/* The longest window/logMessage text. */
#define LSP_MAX_LOG 1024

double lsp_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void lsp_send(lsp_server *srv, json_t *msg)
{
	if (msg == NULL)
		return;
	if (!srv->done && lsp_write(srv->out_fd, msg) != 0) {
		srv->done = 1;
		srv->status = 1;
	}
	json_decref(msg);
}

void lsp_notify(lsp_server *srv, const char *method, json_t *params)
{
	lsp_send(srv, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params",
	                        params));
}

void lsp_log(lsp_server *srv, int type, const char *fmt, ...)
{
	char text[LSP_MAX_LOG];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	lsp_notify(srv, "window/logMessage", json_pack("{s:i,s:o}", "type", type, "message",
	                                               output_json_string(text)));
}

static void reply(lsp_server *srv, json_t *id, json_t *result)
{
	lsp_send(srv, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id, "result",
	                        result != NULL ? result : json_null()));
}

static void reply_error(lsp_server *srv, json_t *id, int code, const char *message)
{
	lsp_send(srv, json_pack("{s:s,s:O,s:{s:i,s:o}}", "jsonrpc", "2.0", "id",
	                        id != NULL ? id : json_null(), "error", "code", code, "message",
	                        output_json_string(message)));
}

/* ---- initialize ------------------------------------------------------------- */

/* Whether the JSON array `list` holds the string s. */
static int has_string(const json_t *list, const char *s)
{
	size_t i;
	json_t *v;

	json_array_foreach(list, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), s) == 0)
			return 1;
	return 0;
}

/* Takes what the client can do and asks from initialize's params. */
static void read_client(lsp_server *srv, const json_t *params)
{
	const json_t *caps = json_object_get(params, "capabilities");
	const json_t *ws = json_object_get(caps, "workspace");
	const json_t *opts = json_object_get(params, "initializationOptions");
	const json_t *pid = json_object_get(params, "processId");
	const json_t *v;

	srv->style.enc = has_string(json_object_get(json_object_get(caps, "general"),
	                                            "positionEncodings"), "utf-8")
	                 ? LSP_UTF8 : LSP_UTF16;
	srv->style.document_changes = json_is_true(json_object_get(
		json_object_get(ws, "workspaceEdit"), "documentChanges"));
	srv->watch_dynamic = json_is_true(json_object_get(
		json_object_get(ws, "didChangeWatchedFiles"), "dynamicRegistration"));
	if (json_is_integer(pid) && json_integer_value(pid) > 0)
		srv->parent = (pid_t)json_integer_value(pid);
	v = json_object_get(opts, "debounceMs");
	if (json_is_integer(v) && json_integer_value(v) >= 0 &&
	    json_integer_value(v) <= LSP_MAX_DEBOUNCE_MS)
		srv->debounce_ms = (double)json_integer_value(v);
	v = json_object_get(opts, "ruleDocumentation");
	if (json_is_string(v)) {
		char *base = strdup(json_string_value(v));

		if (base != NULL) {
			free(srv->doc_base);
			srv->doc_base = base;
			srv->style.doc_base = base;
		}
	}
}

static json_t *initialize(lsp_server *srv, const json_t *params)
{
	read_client(srv, params);
	srv->initialize_seen = 1;
	return json_pack("{s:{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s],s:b}},s:{s:s,s:s}}",
	                 "capabilities",
	                 "positionEncoding", lsp_encoding_name(srv->style.enc),
	                 "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
	                 "codeActionProvider", "codeActionKinds", "quickfix", "resolveProvider", 0,
	                 "serverInfo", "name", "stmtlint", "version", PACKAGE_VERSION);
}

/* After `initialized`: what went wrong starting the session, and the
 * watchers of the configuration files when the client registers them. */
static void initialized(lsp_server *srv)
{
	size_t i;

	for (i = 0; i < srv->start_errors.n; i++) {
		buf b;

		buf_init(&b, 0);
		errlist_format_one(&srv->start_errors.items[i], &b);
		lsp_notify(srv, "window/showMessage",
		           json_pack("{s:i,s:o}", "type",
		                     srv->start_errors.items[i].severity == STMTLINT_ERROR ? 1 : 2,
		                     "message", output_json_string(b.data)));
		buf_free(&b);
	}
	if (!srv->watch_dynamic)
		return;
	lsp_send(srv, json_pack("{s:s,s:I,s:s,s:{s:[{s:s,s:s,s:{s:[{s:s},{s:s}]}}]}}",
	                        "jsonrpc", "2.0", "id", (json_int_t)srv->next_request_id++,
	                        "method", "client/registerCapability", "params", "registrations",
	                        "id", "stmtlint-configuration",
	                        "method", "workspace/didChangeWatchedFiles",
	                        "registerOptions", "watchers", "globPattern", "**/.stmtlint.yaml",
	                        "globPattern", "**/*.{yaml,yml}"));
}

/* ---- dispatch ----------------------------------------------------------------- */

/* Handles a request (a message with an id). */
static void handle_request(lsp_server *srv, json_t *id, const char *method, const json_t *params)
{
	const char *message = NULL;
	int code = 0;
	json_t *result;

	if (strcmp(method, "initialize") == 0) {
		if (srv->initialize_seen)
			reply_error(srv, id, RPC_INVALID_REQUEST, "initialize was already received");
		else
			reply(srv, id, initialize(srv, params));
		return;
	}
	if (!srv->initialize_seen) {
		reply_error(srv, id, RPC_SERVER_NOT_INITIALIZED, "the server awaits initialize");
		return;
	}
	if (srv->shutdown_seen) {
		reply_error(srv, id, RPC_INVALID_REQUEST, "the server is shutting down: only exit");
		return;
	}
	if (strcmp(method, "shutdown") == 0) {
		srv->shutdown_seen = 1;
		reply(srv, id, json_null());
		return;
	}
	if (strcmp(method, "textDocument/codeAction") == 0) {
		result = lsp_code_action(srv, params, &code, &message);
		if (result == NULL)
			reply_error(srv, id, code ? code : RPC_INVALID_PARAMS,
			            message ? message : "out of memory");
		else
			reply(srv, id, result);
		return;
	}
	reply_error(srv, id, RPC_METHOD_NOT_FOUND, method);
}

/* Handles a notification (a message without an id); unknown ones are
 * ignored, as the protocol asks. */
static void handle_notification(lsp_server *srv, const char *method, const json_t *params)
{
	static const struct {
		const char *method;
		void (*fn)(lsp_server *srv, const json_t *params);
	} handlers[] = {
		{ "textDocument/didOpen", lsp_did_open },
		{ "textDocument/didChange", lsp_did_change },
		{ "textDocument/didSave", lsp_did_save },
		{ "textDocument/didClose", lsp_did_close },
		{ "workspace/didChangeWatchedFiles", lsp_did_change_watched_files },
	};
	size_t i;

	if (strcmp(method, "exit") == 0) {
		srv->done = 1;
		srv->status = srv->shutdown_seen ? 0 : 1;
		return;
	}
	if (!srv->initialize_seen || srv->shutdown_seen)
		return;
	if (strcmp(method, "initialized") == 0) {
		initialized(srv);
		return;
	}
	for (i = 0; i < sizeof(handlers) / sizeof(handlers[0]); i++)
		if (strcmp(method, handlers[i].method) == 0) {
			handlers[i].fn(srv, params);
			return;
		}
}

void lsp_handle(lsp_server *srv, json_t *msg)
{
	json_t *id = json_object_get(msg, "id");
	const json_t *method = json_object_get(msg, "method");
	const json_t *params = json_object_get(msg, "params");

	if (!json_is_object(msg) || !json_is_string(json_object_get(msg, "jsonrpc")) ||
	    strcmp(json_string_value(json_object_get(msg, "jsonrpc")), "2.0") != 0) {
		reply_error(srv, json_is_string(id) || json_is_integer(id) ? id : NULL,
		            RPC_INVALID_REQUEST, "not a JSON-RPC 2.0 message");
		return;
	}
	if (method == NULL && id != NULL &&
	    (json_object_get(msg, "result") != NULL || json_object_get(msg, "error") != NULL))
		return;   /* the answer to a request of ours (registerCapability) */
	if (!json_is_string(method) || (id != NULL && !json_is_string(id) && !json_is_integer(id))) {
		reply_error(srv, json_is_string(id) || json_is_integer(id) ? id : NULL,
		            RPC_INVALID_REQUEST, "a message without a method, or with an id that "
		            "is neither a number nor a string");
		return;
	}
	if (params != NULL && !json_is_object(params) && !json_is_array(params)) {
		if (id != NULL)
			reply_error(srv, id, RPC_INVALID_PARAMS, "params is neither an object nor an array");
		return;
	}
	if (id != NULL)
		handle_request(srv, id, json_string_value(method), params);
	else
		handle_notification(srv, json_string_value(method), params);
}

int lsp_read_one(lsp_server *srv)
{
	json_t *msg = NULL;

	switch (lsp_read(&srv->in, &msg)) {
	case LSP_READ_MESSAGE:
		lsp_handle(srv, msg);
		json_decref(msg);
		return 0;
	case LSP_READ_BAD:
		reply_error(srv, NULL, srv->in.error_code, srv->in.error_text);
		return 0;
	case LSP_READ_NOMEM:
		lsp_log(srv, 1, "stmtlint: out of memory reading a message");
		break;
	case LSP_READ_EOF:
		break;
	}
	srv->done = 1;
	srv->status = srv->shutdown_seen ? 0 : 1;
	return -1;
}

/* ---- the loop ------------------------------------------------------------------- */

/* Whether the client's process is gone (it should have sent exit). */
static int parent_gone(const lsp_server *srv)
{
	return srv->parent > 0 && kill(srv->parent, 0) != 0 && errno == ESRCH;
}

/* Waits for input or for the next check to be due, whichever is first. */
static void serve(lsp_server *srv)
{
	while (!srv->done) {
		int due = lsp_next_check_in(srv);
		int wait = due;
		struct pollfd p = { srv->in.fd, POLLIN, 0 };
		int ready;

		if (lsp_input_pending(&srv->in)) {
			lsp_read_one(srv);
			continue;
		}
		if (due == 0) {
			lsp_run_checks(srv);
			continue;
		}
		if (srv->parent > 0 && (wait < 0 || wait > LSP_PARENT_CHECK_MS))
			wait = LSP_PARENT_CHECK_MS;
		ready = poll(&p, 1, wait);
		if (ready > 0)
			lsp_read_one(srv);
		else if (ready == 0 && parent_gone(srv))
			srv->done = 1, srv->status = 1;
		else if (ready < 0 && errno != EINTR)
			srv->done = 1, srv->status = 1;
	}
}

int lsp_serve(const session_opts *so, int in_fd, int out_fd)
{
	lsp_server srv;
	int status;

	memset(&srv, 0, sizeof(srv));
	srv.so = so;
	srv.out_fd = out_fd;
	srv.debounce_ms = -1;
	srv.next_request_id = 1;
	srv.style.enc = LSP_UTF16;
	srv.style.doc_base = LSP_DEFAULT_DOC_BASE;
	/* a client that closes its end makes writes fail with EPIPE, not kill us */
	signal(SIGPIPE, SIG_IGN);
	/* a pipe to the client that holds a large draft's diagnostics whole, so
	 * that publishing them does not wait for the client to read (where the
	 * system allows; a smaller pipe only makes the write wait) */
	fcntl(out_fd, F_SETPIPE_SZ, LSP_PIPE_BYTES);
	errlist_init(&srv.start_errors);
	srv.s = session_new(so, &srv.start_errors);
	if (srv.s == NULL) {
		fputs("stmtlint: error: out of memory\n", stderr);
		errlist_free(&srv.start_errors);
		return 2;
	}
	lsp_reader_init(&srv.in, in_fd);
	srv.status = 1;
	serve(&srv);
	status = srv.status;
	lsp_documents_free(&srv);
	lsp_reader_free(&srv.in);
	session_free(srv.s);
	errlist_free(&srv.start_errors);
	free(srv.doc_base);
	return status;
}
