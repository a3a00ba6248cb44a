/* lsp-documents.c - the drafts an editor has open: their text kept in step
 * with the editor, checked through the session after each change (once the
 * typing pauses), their diagnostics published only while current, and the
 * errors of their configurations published on the configuration files. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lsp-server.h"
#include "lsp-uri.h"

/* ---- the documents -------------------------------------------------------------- */

static lsp_doc *find_doc(lsp_server *srv, const char *uri)
{
	size_t i;

	for (i = 0; i < srv->n_docs; i++)
		if (strcmp(srv->docs[i]->uri, uri) == 0)
			return srv->docs[i];
	return NULL;
}

static void open_doc_free(lsp_doc *d)
{
	if (d == NULL)
		return;
	if (d->has_report)
		check_report_free(&d->report);
	lsp_text_free(&d->text);
	free(d->uri);
	free(d->name);
	free(d->lost);
	free(d);
}

/* Whether a file is a configuration (YAML), which the session reads from
 * disk and which is not a draft. */
static int is_config_name(const char *name)
{
	size_t n = strlen(name);

	return (n >= 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n >= 4 && strcmp(name + n - 4, ".yml") == 0);
}

/* The uri of a TextDocumentIdentifier in params, or NULL. */
static const char *doc_uri(const json_t *params)
{
	return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

/* Stops following a document's text (it is kept until closed, with one
 * diagnostic saying why). */
static void lose(lsp_server *srv, lsp_doc *d, const char *why)
{
	free(d->lost);
	d->lost = strdup(why);
	lsp_text_free(&d->text);
	d->dirty = 1;
	d->edit_seq++;
	d->changed_at = lsp_now_ms();
	lsp_log(srv, 1, "stmtlint: %s: %s", d->uri, why);
}

/* Sets the whole text of d (didOpen, or a change without a range). */
static void set_text(lsp_server *srv, lsp_doc *d, const char *text, size_t len)
{
	lsp_edit_status st = lsp_text_set(&d->text, text, len);

	if (st == LSP_EDIT_TOO_LARGE) {
		lose(srv, d, "the draft is larger than the largest checked (--max-file-size); "
		     "stmtlint no longer follows its edits");
		return;
	}
	if (st != LSP_EDIT_OK) {
		lose(srv, d, "out of memory; stmtlint no longer follows this draft's edits");
		return;
	}
	free(d->lost);
	d->lost = NULL;
}

void lsp_did_open(lsp_server *srv, const json_t *params)
{
	const json_t *td = json_object_get(params, "textDocument");
	const char *uri = json_string_value(json_object_get(td, "uri"));
	const json_t *text = json_object_get(td, "text");
	const json_t *version = json_object_get(td, "version");
	lsp_doc *d;
	lsp_doc **p;

	if (uri == NULL || !json_is_string(text)) {
		lsp_log(srv, 2, "stmtlint: didOpen without textDocument.uri and text: ignored");
		return;
	}
	d = find_doc(srv, uri);
	if (d == NULL) {
		if (srv->n_docs >= LSP_MAX_DOCUMENTS) {
			lsp_log(srv, 1, "stmtlint: %s not checked: %d documents are open already", uri,
			        LSP_MAX_DOCUMENTS);
			return;
		}
		p = realloc(srv->docs, (srv->n_docs + 1) * sizeof(*p));
		d = calloc(1, sizeof(*d));
		if (p != NULL)
			srv->docs = p;
		if (p == NULL || d == NULL) {
			free(d);
			return;
		}
		d->uri = strdup(uri);
		d->name = lsp_uri_to_path(uri);
		if (d->name == NULL)
			d->name = strdup(uri);
		lsp_text_init(&d->text, (size_t)srv->so->max_size);
		if (d->uri == NULL || d->name == NULL) {
			open_doc_free(d);
			return;
		}
		d->is_config = is_config_name(d->name);
		srv->docs[srv->n_docs++] = d;
	}
	d->version = json_is_integer(version) ? json_integer_value(version) : 0;
	set_text(srv, d, json_string_value(text), json_string_length(text));
	d->edit_seq++;
	d->dirty = !d->is_config;
	d->changed_at = lsp_now_ms() - LSP_DEBOUNCE_MAX_MS;   /* due at once */
}

/* Applies one TextDocumentContentChangeEvent.  Returns 0, or -1 when the
 * document is no longer followed. */
static int apply_change(lsp_server *srv, lsp_doc *d, const json_t *change)
{
	const json_t *text = json_object_get(change, "text");
	const json_t *range = json_object_get(change, "range");
	const json_t *start = json_object_get(range, "start");
	const json_t *end = json_object_get(range, "end");
	json_int_t v[4] = { -1, -1, -1, -1 };
	lsp_pos from, to;

	if (!json_is_string(text)) {
		lose(srv, d, "a change without text; stmtlint no longer follows this draft's edits");
		return -1;
	}
	if (range == NULL) {
		set_text(srv, d, json_string_value(text), json_string_length(text));
		return d->lost ? -1 : 0;
	}
	if (d->lost)
		return -1;
	json_unpack((json_t *)start, "{s:I,s:I}", "line", &v[0], "character", &v[1]);
	json_unpack((json_t *)end, "{s:I,s:I}", "line", &v[2], "character", &v[3]);
	if (v[0] < 0 || v[1] < 0 || v[2] < 0 || v[3] < 0) {
		lose(srv, d, "a change whose range is not two positions of whole numbers; stmtlint "
		     "no longer follows this draft's edits");
		return -1;
	}
	from.line = (size_t)v[0], from.character = (size_t)v[1];
	to.line = (size_t)v[2], to.character = (size_t)v[3];
	switch (lsp_text_edit(&d->text, from, to, srv->style.enc, json_string_value(text),
	                      json_string_length(text))) {
	case LSP_EDIT_OK:
		return 0;
	case LSP_EDIT_CLAMPED:
		lsp_log(srv, 2, "stmtlint: %s: a change at %lld:%lld-%lld:%lld reaches past the "
		        "text; taken to its end", d->uri, (long long)v[0], (long long)v[1],
		        (long long)v[2], (long long)v[3]);
		return 0;
	case LSP_EDIT_REVERSED:
		lose(srv, d, "a change whose range ends before it starts; stmtlint no longer follows "
		     "this draft's edits");
		return -1;
	case LSP_EDIT_TOO_LARGE:
		lose(srv, d, "the draft grew larger than the largest checked (--max-file-size); "
		     "stmtlint no longer follows its edits");
		return -1;
	case LSP_EDIT_NOMEM:
		break;
	}
	lose(srv, d, "out of memory; stmtlint no longer follows this draft's edits");
	return -1;
}

void lsp_did_change(lsp_server *srv, const json_t *params)
{
	const char *uri = doc_uri(params);
	const json_t *version = json_object_get(json_object_get(params, "textDocument"), "version");
	const json_t *changes = json_object_get(params, "contentChanges");
	lsp_doc *d = uri != NULL ? find_doc(srv, uri) : NULL;
	const json_t *change;
	double now;
	size_t i;

	if (d == NULL) {
		lsp_log(srv, 2, "stmtlint: didChange for %s, which is not open: ignored",
		        uri ? uri : "a document without a uri");
		return;
	}
	if (!json_is_array(changes)) {
		lose(srv, d, "didChange without contentChanges; stmtlint no longer follows this "
		     "draft's edits");
		return;
	}
	json_array_foreach(changes, i, change)
		if (apply_change(srv, d, change) != 0)
			break;
	if (json_is_integer(version))
		d->version = json_integer_value(version);
	d->edit_seq++;
	d->dirty = !d->is_config;
	now = lsp_now_ms();
	/* a change within a check's time of the one before: the drafter is typing */
	d->typing = now - d->changed_at < d->check_ms;
	d->changed_at = now;
}

/* A configuration may have changed: every folder looks for its
 * configuration again, and every draft is checked again. */
static void configuration_changed(lsp_server *srv)
{
	size_t i;

	session_forget_folders(srv->s);
	for (i = 0; i < srv->n_docs; i++)
		if (!srv->docs[i]->is_config) {
			srv->docs[i]->dirty = 1;
			srv->docs[i]->changed_at = lsp_now_ms() - LSP_DEBOUNCE_MAX_MS;
		}
}

void lsp_did_save(lsp_server *srv, const json_t *params)
{
	const char *uri = doc_uri(params);
	lsp_doc *d = uri != NULL ? find_doc(srv, uri) : NULL;

	if (d == NULL) {
		lsp_log(srv, 2, "stmtlint: didSave for %s, which is not open: ignored",
		        uri ? uri : "a document without a uri");
		return;
	}
	if (d->is_config)
		configuration_changed(srv);
}

/* Publishes the diagnostics of `uri`; version < 0 leaves it out. */
static void publish(lsp_server *srv, const char *uri, long long version, json_t *diags)
{
	json_t *params = json_pack("{s:s,s:o}", "uri", uri, "diagnostics",
	                           diags != NULL ? diags : json_array());

	if (params != NULL && version >= 0)
		json_object_set_new(params, "version", json_integer(version));
	lsp_notify(srv, "textDocument/publishDiagnostics", params);
}

void lsp_did_close(lsp_server *srv, const json_t *params)
{
	const char *uri = doc_uri(params);
	size_t i;

	for (i = 0; uri != NULL && i < srv->n_docs; i++)
		if (strcmp(srv->docs[i]->uri, uri) == 0) {
			if (!srv->docs[i]->is_config)
				publish(srv, uri, -1, json_array());
			open_doc_free(srv->docs[i]);
			srv->docs[i] = srv->docs[--srv->n_docs];
			return;
		}
	lsp_log(srv, 2, "stmtlint: didClose for %s, which is not open: ignored",
	        uri ? uri : "a document without a uri");
}

void lsp_did_change_watched_files(lsp_server *srv, const json_t *params)
{
	(void)params;
	configuration_changed(srv);
}

/* ---- configuration files' diagnostics --------------------------------------------- */

static int same_stat(const lsp_config_diags *c)
{
	struct stat st;
	int exists = stat(c->path, &st) == 0;

	if (exists != c->exists)
		return 0;
	return !exists || (st.st_ino == c->st.st_ino && st.st_size == c->st.st_size &&
	                   st.st_mtim.tv_sec == c->st.st_mtim.tv_sec &&
	                   st.st_mtim.tv_nsec == c->st.st_mtim.tv_nsec);
}

/* The record of configuration file `path`, made when new; NULL when out of memory. */
static lsp_config_diags *config_record(lsp_server *srv, const char *path)
{
	lsp_config_diags *p;
	size_t i;

	for (i = 0; i < srv->n_configs; i++)
		if (strcmp(srv->configs[i].path, path) == 0)
			return &srv->configs[i];
	p = realloc(srv->configs, (srv->n_configs + 1) * sizeof(*p));
	if (p == NULL)
		return NULL;
	srv->configs = p;
	p = &p[srv->n_configs];
	memset(p, 0, sizeof(*p));
	p->path = strdup(path);
	p->uri = lsp_path_to_uri(path);
	if (p->path == NULL || p->uri == NULL) {
		free(p->path);
		free(p->uri);
		return NULL;
	}
	srv->n_configs++;
	return p;
}

/* Files the session reported errors about, other than the draft (its
 * configuration, profile or datasets): their diagnostics are replaced by
 * this check's. */
static void note_config_errors(lsp_server *srv, const check_report *r)
{
	size_t i;

	for (i = 0; i < r->errors.n; i++) {
		const sl_error *e = &r->errors.items[i];
		lsp_config_diags *c;

		if (e->file == NULL) {
			lsp_log(srv, e->severity == STMTLINT_ERROR ? 1 : 2, "stmtlint: %s", e->message);
			continue;
		}
		if (strcmp(e->file, r->name) == 0)
			continue;
		c = config_record(srv, e->file);
		if (c == NULL)
			continue;
		if (c->check_seq != srv->check_seq) {
			json_decref(c->diags);
			c->diags = json_array();
			c->check_seq = srv->check_seq;
			c->exists = stat(c->path, &c->st) == 0;
			c->unpublished = 1;
		}
		json_array_append_new(c->diags, lsp_error_diagnostic(e, &srv->style));
	}
}

/* Publishes the configuration files' new diagnostics, and clears those of
 * files that changed since their errors were reported and that no check
 * has reported errors about since (the errors were mended). */
static void publish_configs(lsp_server *srv)
{
	size_t i = 0;

	while (i < srv->n_configs) {
		lsp_config_diags *c = &srv->configs[i];

		if (c->unpublished) {
			c->unpublished = 0;
			publish(srv, c->uri, -1, json_incref(c->diags));
		} else if (!same_stat(c)) {
			publish(srv, c->uri, -1, json_array());
			json_decref(c->diags);
			free(c->path);
			free(c->uri);
			srv->configs[i] = srv->configs[--srv->n_configs];
			continue;
		}
		i++;
	}
}

/* ---- checking and publishing ---------------------------------------------------- */

/* How long after its last change d waits for the typing to pause (ms):
 * the client's debounceMs, else as long as its last check took (at most
 * LSP_DEBOUNCE_MAX_MS), and only while changes come faster than that. */
static double quiet_time(const lsp_server *srv, const lsp_doc *d)
{
	if (srv->debounce_ms >= 0)
		return srv->debounce_ms;
	if (!d->typing || d->check_ms < LSP_DEBOUNCE_FREE_MS)
		return 0;
	return d->check_ms > LSP_DEBOUNCE_MAX_MS ? LSP_DEBOUNCE_MAX_MS : d->check_ms;
}

/* When d is due to be checked (ms, monotonic). */
static double due_at(const lsp_server *srv, const lsp_doc *d)
{
	return d->changed_at + quiet_time(srv, d);
}

int lsp_next_check_in(lsp_server *srv)
{
	double now = lsp_now_ms();
	double first = -1;
	size_t i;

	for (i = 0; i < srv->n_docs; i++) {
		double at;

		/* checked out of turn (for a code action) and not yet published */
		if (srv->docs[i]->unpublished && srv->docs[i]->report_seq == srv->docs[i]->edit_seq)
			return 0;
		if (!srv->docs[i]->dirty)
			continue;
		at = due_at(srv, srv->docs[i]);
		if (first < 0 || at < first)
			first = at;
	}
	if (first < 0)
		return -1;
	return first <= now ? 0 : (int)(first - now) + 1;
}

/* Checks d's current text; the report is kept until a newer one. */
static void check_doc(lsp_server *srv, lsp_doc *d)
{
	double t0 = lsp_now_ms();

	if (d->has_report)
		check_report_free(&d->report);
	d->has_report = 0;
	d->dirty = 0;
	d->report_seq = d->edit_seq;
	d->unpublished = 1;
	if (d->lost != NULL)
		return;
	srv->check_seq++;
	session_check_buffer(srv->s, d->name, d->text.data ? d->text.data : "", d->text.len,
	                     &d->report);
	d->has_report = 1;
	note_config_errors(srv, &d->report);
	d->check_ms = lsp_now_ms() - t0;
}

/* The diagnostics of a document no longer followed: one, saying why. */
static json_t *lost_diagnostics(const lsp_doc *d)
{
	return json_pack("[{s:{s:{s:i,s:i},s:{s:i,s:i}},s:i,s:s,s:s,s:s}]", "range", "start",
	                 "line", 0, "character", 0, "end", "line", 0, "character", 0, "severity", 1,
	                 "code", "input", "source", "stmtlint", "message", d->lost);
}

void lsp_run_checks(lsp_server *srv)
{
	double now = lsp_now_ms();
	size_t i;

	for (i = 0; i < srv->n_docs; i++)
		if (srv->docs[i]->dirty && due_at(srv, srv->docs[i]) <= now)
			check_doc(srv, srv->docs[i]);
	/* what arrived while checking comes first: an edit makes a result stale */
	while (!srv->done && lsp_input_pending(&srv->in))
		lsp_read_one(srv);
	for (i = 0; i < srv->n_docs && !srv->done; i++) {
		lsp_doc *d = srv->docs[i];

		if (!d->unpublished || d->report_seq != d->edit_seq)
			continue;
		d->unpublished = 0;
		publish(srv, d->uri, d->version, d->lost ? lost_diagnostics(d)
		        : lsp_diagnostics(&d->report, d->uri, &srv->style));
	}
	if (!srv->done)
		publish_configs(srv);
}

json_t *lsp_code_action(lsp_server *srv, const json_t *params, int *code, const char **message)
{
	const char *uri = doc_uri(params);
	const json_t *range = json_object_get(params, "range");
	const json_t *context = json_object_get(params, "context");
	const json_t *only = json_object_get(context, "only");
	lsp_doc *d = uri != NULL ? find_doc(srv, uri) : NULL;
	json_int_t v[4] = { -1, -1, -1, -1 };
	lsp_pos from, to;

	*code = -32602;
	if (uri == NULL || json_unpack((json_t *)range, "{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line",
	                               &v[0], "character", &v[1], "end", "line", &v[2],
	                               "character", &v[3]) != 0 ||
	    v[0] < 0 || v[1] < 0 || v[2] < 0 || v[3] < 0) {
		*message = "codeAction needs textDocument.uri and a range of two positions";
		return NULL;
	}
	if (d == NULL) {
		*message = "codeAction for a document that is not open";
		return NULL;
	}
	if (json_is_array(only) && json_array_size(only) > 0) {
		size_t i;
		json_t *k;
		int wanted = 0;

		json_array_foreach(only, i, k)
			wanted |= json_is_string(k) && strncmp("quickfix", json_string_value(k),
			                                       strlen(json_string_value(k))) == 0;
		if (!wanted)
			return json_array();
	}
	if (d->is_config || d->lost != NULL)
		return json_array();
	if (d->dirty || !d->has_report || d->report_seq != d->edit_seq)
		check_doc(srv, d);
	from.line = (size_t)v[0], from.character = (size_t)v[1];
	to.line = (size_t)v[2], to.character = (size_t)v[3];
	return lsp_code_actions(&d->report, d->uri, d->version,
	                        lsp_text_offset(&d->text, from, srv->style.enc, NULL),
	                        lsp_text_offset(&d->text, to, srv->style.enc, NULL),
	                        json_object_get(context, "diagnostics"), &srv->style);
}

void lsp_documents_free(lsp_server *srv)
{
	size_t i;

	for (i = 0; i < srv->n_docs; i++)
		open_doc_free(srv->docs[i]);
	free(srv->docs);
	srv->docs = NULL;
	srv->n_docs = 0;
	for (i = 0; i < srv->n_configs; i++) {
		json_decref(srv->configs[i].diags);
		free(srv->configs[i].path);
		free(srv->configs[i].uri);
	}
	free(srv->configs);
	srv->configs = NULL;
	srv->n_configs = 0;
}
