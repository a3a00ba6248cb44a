/* output-sarif.c - findings as one SARIF 2.1.0 log (OASIS), as GitHub code
 * scanning accepts it: one run whose tool.driver lists every loaded rule,
 * a result per finding with its region (columns in UTF-16 code units, as
 * the run's columnKind says), notes as related locations, fix-its as fixes
 * and a partial fingerprint that does not change when unrelated lines
 * move; errors (configuration, plugins, input) as the invocation's tool
 * execution notifications. */
#include "config.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sink.h"
#include "position.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
/* Where a reader of a code-scanning alert learns about the tool: the
 * manual page, until the project has a home page. */
#define SARIF_INFORMATION_URI "man:stmtlint(1)"
/* The base of relative paths: the folder stmtlint ran in. */
#define SARIF_SRCROOT "%SRCROOT%"
/* The fingerprint's key; GitHub code scanning reads this one. */
#define SARIF_FINGERPRINT_KEY "primaryLocationLineHash"
/* The most bytes of a finding's own text that go into its fingerprint. */
#define SARIF_FINGERPRINT_TEXT 256

typedef struct sarif_state {
	json_t *rules;
	json_t *notifications;
	int failed;                 /* an error-level notification: the run did not succeed */
	int started;                /* the log's beginning is written */
	int results_written;        /* a result is written: the next follows a comma */
	int failed_output;          /* out of memory making part of the log */
} sarif_state;

static void sarif_state_free(sarif_state *st)
{
	json_decref(st->rules);
	json_decref(st->notifications);
	free(st);
}

/* ---- URIs ---------------------------------------------------------------------- */

/* Appends path with every byte other than the unreserved characters of
 * RFC 3986 and '/' percent-encoded: spaces, colons, commas, newlines and
 * bytes that are not UTF-8 all make a valid URI reference. */
static void put_uri_path(buf *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~' || *p == '/') {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/* An artifactLocation for `path`: a relative path as a URI reference
 * against SARIF_SRCROOT, an absolute one as a file: URI. */
static json_t *artifact_location(const char *path)
{
	json_t *loc = json_object();
	buf b;

	buf_init(&b, 0);
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (path[0] == '/') {
		buf_puts(&b, "file://");
		put_uri_path(&b, path);
	} else {
		put_uri_path(&b, path);
		json_object_set_new(loc, "uriBaseId", json_string(SARIF_SRCROOT));
	}
	json_object_set_new(loc, "uri", json_stringn(b.data ? b.data : "", b.len));
	buf_free(&b);
	return loc;
}

/* {"%SRCROOT%": {"uri": "file:///CWD/"}}, or NULL when the folder is unknown. */
static json_t *base_ids(void)
{
	char *cwd = getcwd(NULL, 0);
	json_t *ids;
	buf b;

	if (cwd == NULL)
		return NULL;
	buf_init(&b, 0);
	buf_puts(&b, "file://");
	put_uri_path(&b, cwd);
	if (b.len == 0 || b.data[b.len - 1] != '/')
		buf_putc(&b, '/');
	ids = json_pack("{s:{s:s%}}", SARIF_SRCROOT, "uri", b.data ? b.data : "", b.len);
	buf_free(&b);
	free(cwd);
	return ids;
}

/* ---- rules ---------------------------------------------------------------------- */

static const char *level_of(stmtlint_severity s)
{
	return s == STMTLINT_ERROR ? "error" : s == STMTLINT_WARNING ? "warning"
	       : s == STMTLINT_NOTE ? "note" : "none";
}

static void add_rule(void *arg, const rule_info *r)
{
	json_t *rules = arg;
	const char *summary = r->summary[0] != '\0' ? r->summary : r->id;
	char help[512];

	snprintf(help, sizeof(help), "%s. Rule %s of stmtlint: see stmtlint-rules(5) and "
	         "'stmtlint --list-rules'.", summary, r->id);
	json_array_append_new(rules, json_pack("{s:o,s:{s:o},s:{s:s,s:b},s:{s:o}}",
	                                       "id", output_json_string(r->id),
	                                       "shortDescription", "text", output_json_string(summary),
	                                       "defaultConfiguration", "level", level_of(r->severity),
	                                       "enabled", r->severity != STMTLINT_OFF,
	                                       "help", "text", output_json_string(help)));
}

/* ---- results -------------------------------------------------------------------- */

/* A region of [start, end): lines and UTF-16 columns, 1-based, end
 * column just after the range. */
static json_t *region(position_cursor *cur, size_t start, size_t end)
{
	position s = position_at(cur, start);
	position e = position_at(cur, end);

	return json_pack("{s:I,s:I,s:I,s:I}", "startLine", (json_int_t)s.line,
	                 "startColumn", (json_int_t)s.utf16_column, "endLine", (json_int_t)e.line,
	                 "endColumn", (json_int_t)e.utf16_column);
}

/* A location in the artifact `art` (shared: its count is taken), at `reg`
 * (stolen). */
static json_t *physical_location(json_t *art, json_t *reg)
{
	return json_pack("{s:{s:O,s:o}}", "physicalLocation", "artifactLocation", art, "region", reg);
}

/* 64-bit FNV-1a, continued from h. */
static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

/* What identifies a finding whatever moves around it: its rule, the text
 * of its line (without leading and trailing blanks) and its own text. */
static uint64_t finding_hash(const stmtlint_doc *doc, const struct stmtlint_diag *d)
{
	uint64_t h = fnv1a(0xcbf29ce484222325ull, d->rule, strlen(d->rule) + 1);
	size_t line = doc_line_of(doc, d->start);
	size_t a = doc->n_lines > 0 ? doc->lines[line].start : 0;
	size_t z = doc->n_lines > 0 ? doc->lines[line].end : 0;
	size_t len = d->end - d->start;

	while (a < z && (doc->text[a] == ' ' || doc->text[a] == '\t'))
		a++;
	while (z > a && (doc->text[z - 1] == ' ' || doc->text[z - 1] == '\t' ||
	                 doc->text[z - 1] == '\r'))
		z--;
	h = fnv1a(h, doc->text + a, z - a);
	h = fnv1a(h, "\n", 1);
	return fnv1a(h, doc->text + d->start, len < SARIF_FINGERPRINT_TEXT ? len
	                                                                   : SARIF_FINGERPRINT_TEXT);
}

/* A finding's hash, and its place among the draft's findings. */
typedef struct hashed {
	uint64_t hash;
	size_t index;
} hashed;

static int by_hash(const void *a, const void *b)
{
	const hashed *x = a;
	const hashed *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Fills prints[i] with "HASH:N" for finding i: its hash and how many
 * findings up to it (itself included) have the same one, so that two
 * findings alike on lines alike stay apart.  Returns 0, or -1 when out of
 * memory. */
static int fingerprints(const stmtlint_doc *doc, const diag_list *l, char (*prints)[40])
{
	hashed *h = malloc(l->n * sizeof(*h));
	size_t i;
	size_t same = 0;

	if (h == NULL)
		return -1;
	for (i = 0; i < l->n; i++) {
		h[i].hash = finding_hash(doc, l->items[i]);
		h[i].index = i;
	}
	qsort(h, l->n, sizeof(*h), by_hash);
	for (i = 0; i < l->n; i++) {
		same = i > 0 && h[i].hash == h[i - 1].hash ? same + 1 : 1;
		snprintf(prints[h[i].index], sizeof(prints[0]), "%016llx:%zu",
		         (unsigned long long)h[i].hash, same);
	}
	free(h);
	return 0;
}

static json_t *fixes_of(position_cursor *cur, json_t *art, const struct stmtlint_diag *d)
{
	json_t *fixes = json_array();
	size_t j;

	for (j = 0; j < d->n_fixes; j++) {
		const diag_fix *f = &d->fixes[j];
		json_t *change = json_pack("{s:O,s:[{s:o,s:{s:o}}]}",
		                           "artifactLocation", art,
		                           "replacements", "deletedRegion", region(cur, f->start, f->end),
		                           "insertedContent", "text", output_json_string(f->replacement));

		json_array_append_new(fixes, json_pack("{s:{s:o},s:[o],s:{s:b,s:b}}",
		                                       "description", "text", output_json_string(f->title),
		                                       "artifactChanges", change,
		                                       "properties", "applicable",
		                                       DIAG_FIX_APPLICABLE(f), "guess", f->guess));
	}
	return fixes;
}

static json_t *result_of(position_cursor *cur, json_t *art, const struct stmtlint_diag *d,
                         json_t *fp)
{
	json_t *res = json_pack("{s:o,s:s,s:{s:o},s:[o],s:o}", "ruleId", output_json_string(d->rule),
	                        "level", level_of(d->severity), "message", "text",
	                        output_json_string(d->message), "locations",
	                        physical_location(art, region(cur, d->start, d->end)),
	                        "partialFingerprints", fp);
	size_t j;

	if (d->n_notes > 0) {
		json_t *related = json_array();

		for (j = 0; j < d->n_notes; j++) {
			json_t *loc = physical_location(art, region(cur, d->notes[j].start,
			                                             d->notes[j].end));

			json_object_set_new(loc, "id", json_integer((json_int_t)j + 1));
			json_object_set_new(loc, "message", json_pack("{s:o}", "text",
			                                              output_json_string(d->notes[j].message)));
			json_array_append_new(related, loc);
		}
		json_object_set_new(res, "relatedLocations", related);
	}
	if (d->n_fixes > 0)
		json_object_set_new(res, "fixes", fixes_of(cur, art, d));
	return res;
}

static void sarif_errors(sink *k, const errlist *errors)
{
	sarif_state *st = k->state;
	size_t i;

	for (i = 0; i < errors->n; i++) {
		const sl_error *e = &errors->items[i];
		json_t *n = json_pack("{s:s,s:{s:o},s:{s:s}}", "level", level_of(e->severity),
		                      "message", "text", output_json_string(e->message),
		                      "descriptor", "id", e->rule);

		if (e->file != NULL) {
			json_t *reg = json_object();

			if (e->line > 0)
				json_object_set_new(reg, "startLine", json_integer((json_int_t)e->line));
			if (e->line > 0 && e->column > 0)
				json_object_set_new(reg, "startColumn", json_integer((json_int_t)e->column));
			json_t *art = artifact_location(e->file);

			json_object_set_new(n, "locations", json_pack("[o]", physical_location(art, reg)));
			json_decref(art);
		}
		json_array_append_new(st->notifications, n);
		if (e->severity == STMTLINT_ERROR)
			st->failed = 1;
	}
	if (errors->dropped > 0) {
		char text[96];

		snprintf(text, sizeof(text), "%zu more errors not shown", errors->dropped);
		json_array_append_new(st->notifications, json_pack("{s:s,s:{s:s}}", "level", "error",
		                                                   "message", "text", text));
		st->failed = 1;
	}
}

/* json_dump_callback()'s writer: appends to the buf at `data`. */
static int append_to_buf(const char *text, size_t len, void *data)
{
	return buf_append(data, text, len);
}

/* Appends v to b, compact, its keys in the order they were set. */
static int dump_into(buf *b, const json_t *v)
{
	return v != NULL ? json_dump_callback(v, append_to_buf, b,
	                                      JSON_COMPACT | JSON_PRESERVE_ORDER) : -1;
}

/* Appends the object v without its closing brace, for members to follow. */
static int dump_open(buf *b, const json_t *v)
{
	if (dump_into(b, v) != 0 || b->len == 0 || b->data[b->len - 1] != '}')
		return -1;
	b->data[--b->len] = '\0';
	return 0;
}

/* The results of one draft, separated by commas, into *text (the log is
 * written as it goes: a draft's results are made, written and freed, on
 * the checking thread under -j). */
static int sarif_render(const sink *k, const check_report *r, char **text, size_t *len)
{
	position_cursor cur;
	char (*prints)[40] = NULL;
	json_t *art;
	size_t i;
	buf b;

	(void)k;
	buf_init(&b, 0);
	if (r->doc != NULL && r->diags.n > 0) {
		prints = malloc(r->diags.n * sizeof(*prints));
		if (prints == NULL || fingerprints(&r->doc->pub, &r->diags, prints) != 0) {
			free(prints);
			return -1;
		}
		/* one artifactLocation for all the draft's locations */
		art = artifact_location(r->name);
		position_cursor_init(&cur, &r->doc->pub);
		for (i = 0; i < r->diags.n; i++) {
			json_t *res = result_of(&cur, art, r->diags.items[i],
			                        json_pack("{s:s}", SARIF_FINGERPRINT_KEY, prints[i]));

			if (i > 0)
				buf_putc(&b, ',');
			if (dump_into(&b, res) != 0)
				b.failed = 1;
			json_decref(res);
		}
		position_cursor_free(&cur);
		json_decref(art);
		free(prints);
	}
	*len = b.len;
	*text = b.failed ? NULL : buf_steal(&b);
	buf_free(&b);
	return *text != NULL ? 0 : -1;
}

/* Writes the log's beginning, once: the tool with its rules, up to the
 * results' opening bracket. */
static void start_log(sink *k)
{
	sarif_state *st = k->state;
	json_t *head;
	json_t *run;
	json_t *ids;
	buf b;

	if (st->started)
		return;
	st->started = 1;
	head = json_pack("{s:s,s:s}", "$schema", SARIF_SCHEMA, "version", "2.1.0");
	run = json_pack("{s:{s:{s:s,s:s,s:s,s:O}},s:s}", "tool", "driver", "name", PACKAGE_NAME,
	                "version", PACKAGE_VERSION, "informationUri", SARIF_INFORMATION_URI,
	                "rules", st->rules, "columnKind", "utf16CodeUnits");
	ids = base_ids();
	if (run != NULL && ids != NULL)
		json_object_set_new(run, "originalUriBaseIds", ids);
	else
		json_decref(ids);
	buf_init(&b, 0);
	if (dump_open(&b, head) != 0 || buf_puts(&b, ",\"runs\":[") != 0 || dump_open(&b, run) != 0 ||
	    buf_puts(&b, ",\"results\":[") != 0)
		st->failed_output = 1;
	else
		fwrite(b.data, 1, b.len, k->out);
	buf_free(&b);
	json_decref(head);
	json_decref(run);
}

static void sarif_put(sink *k, const char *text, size_t len)
{
	sarif_state *st = k->state;

	start_log(k);
	if (len == 0)
		return;
	if (st->results_written)
		fputc(',', k->out);
	fwrite(text, 1, len, k->out);
	st->results_written = 1;
}

static void sarif_draft(sink *k, const check_report *r)
{
	char *text;
	size_t len;

	if (sarif_render(k, r, &text, &len) != 0) {
		((sarif_state *)k->state)->failed_output = 1;
	} else {
		sarif_put(k, text, len);
		free(text);
	}
	sarif_errors(k, &r->errors);
}

/* Writes the end of the log: the invocation with its notifications. */
static void sarif_finish(sink *k, const sink_totals *t)
{
	sarif_state *st = k->state;
	json_t *inv;
	buf b;

	(void)t;
	start_log(k);
	inv = json_pack("[{s:b,s:O}]", "executionSuccessful", !st->failed,
	                "toolExecutionNotifications", st->notifications);
	buf_init(&b, 0);
	if (buf_puts(&b, "],\"invocations\":") != 0 || dump_into(&b, inv) != 0 ||
	    buf_puts(&b, "}]}\n") != 0)
		st->failed_output = 1;
	else
		fwrite(b.data, 1, b.len, k->out);
	buf_free(&b);
	json_decref(inv);
	if (st->failed_output)
		fputs("stmtlint: error: out of memory writing SARIF\n", stderr);
	sarif_state_free(st);
	free(k);
}


sink *sink_sarif_new(FILE *out, const output_opts *o, const session *s)
{
	sarif_state *st = calloc(1, sizeof(*st));
	sink *k;

	if (st == NULL)
		return NULL;
	/* jansson seeds its hash tables on first use: here, before any thread */
	json_object_seed(0);
	st->rules = json_array();
	st->notifications = json_array();
	if (st->rules == NULL || st->notifications == NULL) {
		sarif_state_free(st);
		return NULL;
	}
	session_each_rule(s, add_rule, st->rules);
	k = sink_alloc(out, o, sarif_draft, sarif_errors, sarif_finish, sarif_render, st);
	if (k == NULL)
		sarif_state_free(st);
	else
		k->put = sarif_put;
	return k;
}
