/* host.c - the services the host offers plugins (the stmtlint_host table). */
#include "host.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "text.h"
#include "utf8.h"
#include "yamltree.h"

static stmtlint_diag *host_report(stmtlint_ctx *ctx, size_t check, size_t start, size_t end,
                                  const char *fmt, ...) STMTLINT_PRINTF(5, 6);
static void host_note(stmtlint_diag *d, size_t start, size_t end, const char *fmt, ...)
	STMTLINT_PRINTF(4, 5);
static void host_config_error(const stmtlint_options *opts, const stmtlint_node *at,
                              const char *fmt, ...) STMTLINT_PRINTF(3, 4);

static stmtlint_diag *host_report(stmtlint_ctx *ctx, size_t check, size_t start, size_t end,
                                  const char *fmt, ...)
{
	const instance *in = ctx->inst;
	const char *rule;
	stmtlint_severity sev;
	stmtlint_diag *d;
	va_list ap;
	buf msg;

	if (check == STMTLINT_NO_CHECK || check >= in->plugin->desc->n_checks) {
		rule = in->plugin->desc->id;
		sev = in->severity;
	} else {
		rule = in->check_rule[check];
		sev = in->check_severity[check];
	}
	if (sev == STMTLINT_OFF)
		return NULL;
	if (start > ctx->doc->pub.length)
		start = ctx->doc->pub.length;
	if (end < start)
		end = start;
	if (end > ctx->doc->pub.length)
		end = ctx->doc->pub.length;
	if (suppress_match(ctx->sup, rule, doc_line_of(&ctx->doc->pub, start)))
		return NULL;
	buf_init(&msg, 65536);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	d = diag_add(ctx->out, rule, sev, start, end, msg.data ? msg.data : "");
	buf_free(&msg);
	if (d != NULL)
		d->ctx = ctx;
	return d;
}

static void host_note(stmtlint_diag *d, size_t start, size_t end, const char *fmt, ...)
{
	va_list ap;
	buf msg;

	if (d == NULL)
		return;
	buf_init(&msg, 65536);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	diag_add_note(d, start, end, msg.data ? msg.data : "");
	buf_free(&msg);
}

/* Whether offset is inside the text and not inside a character. */
static int on_boundary(const sl_doc *doc, size_t offset)
{
	return offset <= doc->pub.length &&
	       (offset == doc->pub.length || ((unsigned char)doc->pub.text[offset] & 0xC0) != 0x80);
}

/* fix_titled() and suggest(): checks the range, then attaches the fix,
 * a guess when `guess`. */
static int host_add_fix(stmtlint_diag *d, size_t start, size_t end, const char *replacement,
                        const char *title, int guess)
{
	struct stmtlint_ctx *ctx;

	if (d == NULL || replacement == NULL)
		return d == NULL ? 0 : -1;
	ctx = d->ctx;
	if (start > end || !on_boundary(ctx->doc, start) || !on_boundary(ctx->doc, end)) {
		/* A mistake of the plugin's: say so once per draft, as a warning. */
		if (!ctx->bad_fix_reported)
			core_report(ctx->rs, ctx->doc, NULL, ctx->out, CORE_PLUGIN, d->start, d->end,
			            "plugin '%s' offered a fix-it for bytes %zu-%zu, %s; it was dropped",
			            ctx->inst->plugin->desc->id, start, end,
			            start > end || end > ctx->doc->pub.length ? "outside the draft"
			                                                      : "inside a character");
		ctx->bad_fix_reported = 1;
		return -1;
	}
	if (guess)
		return diag_add_guess(d, start, end, replacement, title, ctx->doc->pub.text);
	return diag_add_fix(d, start, end, replacement, title, ctx->doc->pub.text);
}

static int host_fix_titled(stmtlint_diag *d, size_t start, size_t end, const char *replacement,
                           const char *title)
{
	return host_add_fix(d, start, end, replacement, title, 0);
}

static int host_suggest(stmtlint_diag *d, size_t start, size_t end, const char *replacement,
                        const char *title)
{
	return host_add_fix(d, start, end, replacement, title, 1);
}

static void host_fix(stmtlint_diag *d, size_t start, size_t end, const char *replacement)
{
	host_fix_titled(d, start, end, replacement, NULL);
}

static int host_enabled(const stmtlint_ctx *ctx, size_t check)
{
	const instance *in = ctx->inst;

	if (check == STMTLINT_NO_CHECK || check >= in->plugin->desc->n_checks)
		return in->severity != STMTLINT_OFF;
	return in->check_severity[check] != STMTLINT_OFF;
}

static long option_index(const stmtlint_options *opts, const char *name)
{
	const stmtlint_plugin *d = opts->plugin->desc;
	size_t i;

	for (i = 0; i < d->n_options; i++)
		if (strcmp(d->options[i].name, name) == 0)
			return (long)i;
	return -1;
}

static const stmtlint_node *host_option(const stmtlint_options *opts, const char *name)
{
	long i = option_index(opts, name);

	return i < 0 ? NULL : opts->values[i];
}

static int host_option_bool(const stmtlint_options *opts, const char *name)
{
	const stmtlint_node *n = host_option(opts, name);

	return n != NULL && n->kind == STMTLINT_NODE_SCALAR &&
	       (strcmp(n->scalar, "true") == 0 || strcmp(n->scalar, "yes") == 0 ||
	        strcmp(n->scalar, "on") == 0);
}

static long long host_option_int(const stmtlint_options *opts, const char *name)
{
	const stmtlint_node *n = host_option(opts, name);

	if (n == NULL || n->kind != STMTLINT_NODE_SCALAR)
		return 0;
	return strtoll(n->scalar, NULL, 10);
}

static const char *host_option_string(const stmtlint_options *opts, const char *name)
{
	const stmtlint_node *n = host_option(opts, name);

	return n != NULL && n->kind == STMTLINT_NODE_SCALAR ? n->scalar : NULL;
}

static stmtlint_node_kind host_node_kind(const stmtlint_node *n)
{
	return n->kind;
}

static const char *host_node_scalar(const stmtlint_node *n)
{
	return n != NULL && n->kind == STMTLINT_NODE_SCALAR ? n->scalar : NULL;
}

static size_t host_node_length(const stmtlint_node *n)
{
	return n != NULL && n->kind != STMTLINT_NODE_SCALAR ? n->n : 0;
}

static const stmtlint_node *host_node_item(const stmtlint_node *n, size_t i)
{
	return n != NULL && n->kind != STMTLINT_NODE_SCALAR && i < n->n ? n->items[i] : NULL;
}

static const stmtlint_node *host_node_key(const stmtlint_node *n, size_t i)
{
	return n != NULL && n->kind == STMTLINT_NODE_MAPPING && i < n->n ? n->keys[i] : NULL;
}

static const stmtlint_node *host_node_get(const stmtlint_node *n, const char *key)
{
	return yt_get(n, key);
}

static void host_config_error(const stmtlint_options *opts, const stmtlint_node *at,
                              const char *fmt, ...)
{
	struct stmtlint_options *o = (struct stmtlint_options *)opts;
	va_list ap;
	buf msg;

	buf_init(&msg, ERRLIST_MAX_MESSAGE);
	buf_printf(&msg, "[%s] ", o->plugin->desc->id);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (at != NULL && at->line > 0)
		errlist_add(o->err, "config", at->file, at->line, at->column, "%s",
		            msg.data ? msg.data : "");
	else
		errlist_add(o->err, "config", o->where ? o->where : o->plugin->file, 0, 0, "%s",
		            msg.data ? msg.data : "");
	buf_free(&msg);
	o->failed = 1;
}

static stmtlint_regex *host_regex_compile(const stmtlint_options *opts, const stmtlint_node *at,
                                          const char *pattern, unsigned flags)
{
	char where[512];
	buf err;
	stmtlint_regex *re;

	if (at != NULL && at->line > 0)
		snprintf(where, sizeof(where), "%s:%zu:%zu", at->file, at->line, at->column);
	else
		snprintf(where, sizeof(where), "%s", opts->plugin->file);
	buf_init(&err, 4096);
	re = regex_compile(pattern, flags, where, &err);
	if (re == NULL)
		host_config_error(opts, at, "%s", err.data ? err.data : "out of memory");
	buf_free(&err);
	return re;
}

/* Reports, under the core rule "pattern-limit", that pattern `re` gave up at
 * subject[offset] (a place in the draft's text or prose): `why` says how. */
static void report_pattern_limit(stmtlint_ctx *ctx, const stmtlint_regex *re, const char *subject,
                                 size_t offset, const char *why)
{
	uintptr_t s = (uintptr_t)subject;
	uintptr_t t = (uintptr_t)ctx->doc->text;
	uintptr_t p = (uintptr_t)ctx->doc->prose;
	size_t len = ctx->doc->pub.length;
	size_t at = 0;

	if (s >= t && s <= t + len)
		at = (size_t)(s - t) + offset;
	else if (s >= p && s <= p + len)
		at = (size_t)(s - p) + offset;
	if (at > len)
		at = len;
	core_report(ctx->rs, ctx->doc, ctx->sup, ctx->out, CORE_PATTERN_LIMIT, at, at,
	            "pattern '%s' (%s) of rule '%s' %s here; the rest of this check was skipped",
	            re->pattern, re->where[0] ? re->where : "built in", ctx->inst->plugin->desc->id,
	            why);
}

static int host_regex_match(stmtlint_ctx *ctx, const stmtlint_regex *re, const char *subject,
                            size_t length, size_t offset, size_t *ovector, size_t pairs)
{
	int rc;

	if (ctx->md == NULL) {
		ctx->md = pcre2_match_data_create(32, NULL);
		if (ctx->md == NULL)
			return STMTLINT_RE_ERROR;
	}
	regex_budget_for(&ctx->pattern_work, ctx->doc->pub.length);
	rc = regex_exec(re, ctx->md, ctx->mc, &ctx->pattern_work, subject, length, offset, ovector,
	                pairs);
	if (rc == REGEX_BUDGET_SPENT) {
		if (!ctx->budget_reported) {
			char why[128];

			snprintf(why, sizeof(why), "used up the pattern budget of this draft (%zu steps)",
			         ctx->pattern_work.limit);
			ctx->budget_reported = 1;
			report_pattern_limit(ctx, re, subject, offset, why);
		}
		return STMTLINT_RE_LIMIT;
	}
	if (rc == STMTLINT_RE_LIMIT && !ctx->limit_reported) {
		ctx->limit_reported = 1;
		report_pattern_limit(ctx, re, subject, offset, "hit the match or depth limit");
	}
	return rc;
}

static int host_regex_group(const stmtlint_regex *re, const char *name)
{
	int n = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);

	return n < 0 ? -1 : n;
}

static void host_position(const stmtlint_doc *doc, size_t offset, size_t *line, size_t *column)
{
	doc_position(doc, offset, line, column);
}

static size_t host_line_of(const stmtlint_doc *doc, size_t offset)
{
	return doc_line_of(doc, offset);
}

static const char *host_language(const stmtlint_options *opts)
{
	return opts->cfg != NULL && opts->cfg->language != NULL ? opts->cfg->language : "en";
}

static void host_dictionaries(const stmtlint_options *opts, const char *const **paths,
                              size_t *count)
{
	*paths = opts->cfg != NULL ? (const char *const *)opts->cfg->dictionaries : NULL;
	*count = opts->cfg != NULL ? opts->cfg->n_dictionaries : 0;
}

static const stmtlint_node *host_dataset(const stmtlint_options *opts, const char *name)
{
	struct stmtlint_options *o = (struct stmtlint_options *)opts;
	const dataset_decl *decl = NULL;
	const stmtlint_node *root;
	size_t before;
	size_t i;

	for (i = 0; o->cfg != NULL && i < o->cfg->n_datasets; i++)
		if (strcmp(o->cfg->datasets[i].name, name) == 0)
			decl = &o->cfg->datasets[i];
	if (decl == NULL || o->store == NULL)
		return NULL;
	before = o->err->n;
	if (decl->many)
		root = store_dataset_files(o->store, decl->files, decl->n_files, o->err);
	else
		root = store_dataset(o->store, decl->files[0], o->err);
	if (root == NULL) {
		if (o->err->n == before)
			host_config_error(opts, decl->at, "cannot load dataset '%s'", name);
		o->failed = 1;
	}
	return root;
}

static stmtlint_resource *host_resource(const stmtlint_options *opts, const char *key,
                                        void *(*create)(const char *key, void *arg, char *why,
                                                        size_t whylen),
                                        void (*destroy)(void *object), void *arg, unsigned flags)
{
	char why[512];
	stmtlint_resource *r;

	if (opts->store == NULL || key == NULL || create == NULL) {
		host_config_error(opts, NULL, "resource '%s' asked for outside init()",
		                  key ? key : "(null)");
		return NULL;
	}
	r = store_resource(opts->store, key, create, destroy, arg, flags, why, sizeof(why));
	if (r == NULL)
		host_config_error(opts, NULL, "%s: %s", key, why);
	return r;
}

/* The locked resources this thread holds, in the order acquired: a check
 * the guard stops (a crash, the time limit) never releases them, and
 * host_release_abandoned() then does. */
#define HELD_MAX 16
static __thread struct stmtlint_resource *held[HELD_MAX];
static __thread size_t n_held;

static void *host_resource_acquire(const stmtlint_resource *res)
{
	struct stmtlint_resource *r = (struct stmtlint_resource *)res;

	if (r == NULL)
		return NULL;
	if (!(r->flags & STMTLINT_RESOURCE_LOCKED))
		return r->object;
	pthread_mutex_lock(&r->lock);
	if (r->abandoned || n_held == HELD_MAX) {
		pthread_mutex_unlock(&r->lock);
		return NULL;
	}
	held[n_held++] = r;
	return r->object;
}

static void host_resource_release(const stmtlint_resource *res)
{
	size_t i;

	if (res == NULL || !(res->flags & STMTLINT_RESOURCE_LOCKED))
		return;
	/* only what this thread holds: an acquire that gave NULL locked nothing */
	for (i = n_held; i > 0; i--)
		if (held[i - 1] == res) {
			memmove(&held[i - 1], &held[i], (n_held - i) * sizeof(*held));
			n_held--;
			pthread_mutex_unlock(&((struct stmtlint_resource *)res)->lock);
			return;
		}
}

void host_release_abandoned(void)
{
	while (n_held > 0) {
		struct stmtlint_resource *r = held[--n_held];

		r->abandoned = 1;
		pthread_mutex_unlock(&r->lock);
	}
}

static size_t host_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	if (len == 0) {
		*cp = 0;
		return 0;
	}
	return utf8_next(s, len, cp);
}

static uint32_t host_fold_case(uint32_t cp)
{
	return text_fold(cp);
}

void host_ctx_release(struct stmtlint_ctx *ctx)
{
	pcre2_match_data_free(ctx->md);
	ctx->md = NULL;
}

const stmtlint_host host_table = {
	.abi_version = STMTLINT_ABI_VERSION,
	.report = host_report,
	.note = host_note,
	.fix = host_fix,
	.enabled = host_enabled,
	.option = host_option,
	.option_bool = host_option_bool,
	.option_int = host_option_int,
	.option_string = host_option_string,
	.node_kind = host_node_kind,
	.node_scalar = host_node_scalar,
	.node_length = host_node_length,
	.node_item = host_node_item,
	.node_key = host_node_key,
	.node_get = host_node_get,
	.config_error = host_config_error,
	.regex_compile = host_regex_compile,
	.regex_free = regex_free,
	.regex_match = host_regex_match,
	.regex_group = host_regex_group,
	.position = host_position,
	.line_of = host_line_of,
	/* ABI 1.1 */
	.fix_titled = host_fix_titled,
	.language = host_language,
	.dictionaries = host_dictionaries,
	.dataset = host_dataset,
	.resource = host_resource,
	.resource_acquire = host_resource_acquire,
	.resource_release = host_resource_release,
	.utf8_decode = host_utf8_decode,
	.utf8_encode = utf8_encode,
	.is_space = utf8_is_space,
	.is_word_char = utf8_is_wordchar,
	.fold_case = host_fold_case,
	.word_normalize = text_word_normalize,
	/* ABI 1.2 */
	.suggest = host_suggest,
};
