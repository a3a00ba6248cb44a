/* engine.c - a configuration made ready, and the check of one draft under it. */
#include "engine.h"

#include <ctype.h>
#include <stdarg.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corerules.h"
#include "guard.h"
#include "suppress.h"
#include "yamltree.h"

/* ---- rule names --------------------------------------------------------- */

static int split_rule(const char *rule, char *plugin, size_t plen, const char **check)
{
	const char *slash = strchr(rule, '/');
	size_t n = slash ? (size_t)(slash - rule) : strlen(rule);

	if (n >= plen)
		return -1;
	memcpy(plugin, rule, n);
	plugin[n] = '\0';
	*check = slash ? slash + 1 : NULL;
	return 0;
}

static long check_index(const stmtlint_plugin *d, const char *check)
{
	size_t i;

	for (i = 0; i < d->n_checks; i++)
		if (strcmp(d->checks[i].id, check) == 0)
			return (long)i;
	return -1;
}

int rule_known(const plugin_set *plugins, const char *rule)
{
	char id[80];
	const char *check;
	const loaded_plugin *p;

	if (core_rule_find(rule) >= 0)
		return 1;
	if (split_rule(rule, id, sizeof(id), &check) != 0)
		return 0;
	p = plugins_find(plugins, id);
	if (p == NULL)
		return 0;
	return check == NULL || check_index(p->desc, check) >= 0;
}

/* Every rule name, for suggestions; a malloc'ed array of strings the caller frees. */
static char **all_rule_names(const plugin_set *plugins, size_t *n)
{
	size_t count = N_CORE_RULES;
	size_t i;
	size_t j;
	char **names;

	for (i = 0; i < plugins->n; i++)
		count += 1 + plugins->items[i].desc->n_checks;
	names = calloc(count, sizeof(*names));
	if (names == NULL)
		return NULL;
	*n = 0;
	for (i = 0; i < N_CORE_RULES; i++)
		names[(*n)++] = strdup(core_rules[i].id);
	for (i = 0; i < plugins->n; i++) {
		const stmtlint_plugin *d = plugins->items[i].desc;

		names[(*n)++] = strdup(d->id);
		for (j = 0; j < d->n_checks; j++) {
			size_t len = strlen(d->id) + strlen(d->checks[j].id) + 2;

			names[*n] = malloc(len);
			if (names[*n] != NULL)
				snprintf(names[*n], len, "%s/%s", d->id, d->checks[j].id);
			(*n)++;
		}
	}
	return names;
}

static void free_names(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static void unknown_rule(const plugin_set *plugins, const rule_setting *r, errlist *err)
{
	size_t n = 0;
	char **names = all_rule_names(plugins, &n);
	const char *near = names ? closest_word(r->rule, (const char *const *)names, n) : NULL;

	if (near != NULL)
		yt_error(err, r->at, "unknown rule '%s'; did you mean '%s'? (see --list-rules)", r->rule,
		         near);
	else
		yt_error(err, r->at, "unknown rule '%s' (see --list-rules)", r->rule);
	free_names(names, n);
}

/* ---- options ------------------------------------------------------------ */

static int valid_int(const char *s, long long *v)
{
	char *end;

	if (*s == '\0')
		return 0;
	*v = strtoll(s, &end, 10);
	return *end == '\0';
}

/* Checks one option value against its declaration. */
static int check_option(const stmtlint_option_spec *spec, const option_setting *o, errlist *err)
{
	const struct stmtlint_node *v = o->value;
	long long n;
	size_t i;

	switch (spec->type) {
	case STMTLINT_OPT_BOOL:
		if (v->kind != STMTLINT_NODE_SCALAR ||
		    (strcmp(v->scalar, "true") != 0 && strcmp(v->scalar, "false") != 0 &&
		     strcmp(v->scalar, "yes") != 0 && strcmp(v->scalar, "no") != 0 &&
		     strcmp(v->scalar, "on") != 0 && strcmp(v->scalar, "off") != 0)) {
			yt_error(err, v, "option '%s' must be true or false", spec->name);
			return -1;
		}
		return 0;
	case STMTLINT_OPT_INT:
		if (v->kind != STMTLINT_NODE_SCALAR || !valid_int(v->scalar, &n)) {
			yt_error(err, v, "option '%s' must be a whole number", spec->name);
			return -1;
		}
		if (spec->min < spec->max && (n < spec->min || n > spec->max)) {
			yt_error(err, v, "option '%s' must be from %lld to %lld", spec->name, spec->min,
			         spec->max);
			return -1;
		}
		return 0;
	case STMTLINT_OPT_STRING:
		if (v->kind != STMTLINT_NODE_SCALAR) {
			yt_error(err, v, "option '%s' must be a string", spec->name);
			return -1;
		}
		if (spec->choices != NULL) {
			size_t count = 0;

			for (i = 0; spec->choices[i] != NULL; i++) {
				if (strcmp(spec->choices[i], v->scalar) == 0)
					return 0;
				count++;
			}
			{
				const char *near = closest_word(v->scalar, spec->choices, count);

				buf list;

				buf_init(&list, 4096);
				for (i = 0; spec->choices[i] != NULL; i++)
					buf_printf(&list, "%s'%s'", i > 0 ? ", " : "", spec->choices[i]);
				if (near != NULL)
					yt_error(err, v, "option '%s' cannot be '%s'; did you mean '%s'?",
					         spec->name, v->scalar, near);
				else
					yt_error(err, v, "option '%s' cannot be '%s'; it takes one of %s",
					         spec->name, v->scalar, list.data ? list.data : "");
				buf_free(&list);
			}
			return -1;
		}
		return 0;
	case STMTLINT_OPT_LIST:
		if (v->kind != STMTLINT_NODE_SEQUENCE) {
			yt_error(err, v, "option '%s' must be a list", spec->name);
			return -1;
		}
		for (i = 0; i < v->n; i++) {
			if (v->items[i]->kind != STMTLINT_NODE_SCALAR) {
				yt_error(err, v->items[i], "items of option '%s' must be strings", spec->name);
				return -1;
			}
		}
		return 0;
	case STMTLINT_OPT_DATA:
		return 0;
	}
	return -1;
}

/* Fills an instance's option values from the settings, in order. */
static int resolve_options(instance *in, const config *cfg, errlist *err)
{
	const stmtlint_plugin *d = in->plugin->desc;
	size_t i;
	size_t j;
	int rc = 0;

	in->opts.plugin = in->plugin;
	in->opts.values = calloc(d->n_options ? d->n_options : 1, sizeof(*in->opts.values));
	in->opts.defaults = calloc(d->n_options ? d->n_options : 1, sizeof(*in->opts.defaults));
	if (in->opts.values == NULL || in->opts.defaults == NULL)
		return -1;
	for (i = 0; i < d->n_options; i++) {
		if (d->options[i].default_value == NULL)
			continue;
		in->opts.defaults[i].kind = STMTLINT_NODE_SCALAR;
		in->opts.defaults[i].file = in->plugin->file;
		in->opts.defaults[i].scalar = (char *)d->options[i].default_value;
		in->opts.values[i] = &in->opts.defaults[i];
	}
	for (i = 0; i < cfg->n_rules; i++) {
		const rule_setting *r = &cfg->rules[i];

		if (strcmp(r->rule, d->id) != 0)
			continue;
		for (j = 0; j < r->n_options; j++) {
			const option_setting *o = &r->options[j];
			size_t k;
			long found = -1;

			for (k = 0; k < d->n_options; k++)
				if (strcmp(d->options[k].name, o->name) == 0)
					found = (long)k;
			if (found < 0) {
				const char **names = calloc(d->n_options + 1, sizeof(*names));
				const char *near = NULL;

				if (names != NULL) {
					for (k = 0; k < d->n_options; k++)
						names[k] = d->options[k].name;
					near = closest_word(o->name, names, d->n_options);
				}
				if (near != NULL)
					yt_error(err, o->key, "rule '%s' has no option '%s'; did you mean '%s'?",
					         d->id, o->name, near);
				else
					yt_error(err, o->key, "rule '%s' has no option '%s'", d->id, o->name);
				free(names);
				rc = -1;
				continue;
			}
			if (check_option(&d->options[found], o, err) != 0) {
				rc = -1;
				continue;
			}
			in->opts.values[found] = o->value;
		}
	}
	return rc;
}

/* ---- the ruleset ------------------------------------------------------- */

static int by_id(const void *a, const void *b)
{
	const instance *x = a;
	const instance *y = b;

	return strcmp(x->plugin->desc->id, y->plugin->desc->id);
}

static void instance_release(instance *in)
{
	size_t i;

	if (in->initialized && in->plugin->desc->fini != NULL)
		in->plugin->desc->fini(&host_table, in->state);
	if (in->check_rule != NULL)
		for (i = 0; i < in->plugin->desc->n_checks; i++)
			free(in->check_rule[i]);
	free(in->check_rule);
	free(in->check_severity);
	free(in->opts.values);
	free(in->opts.defaults);
}

void ruleset_free(ruleset *rs)
{
	size_t i;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->n; i++)
		instance_release(&rs->items[i]);
	free(rs->items);
	config_free(rs->cfg);
	pcre2_match_context_free(rs->limits);
	free(rs);
}

/* Works out the plugin's and each check's severity from the settings;
 * returns whether the plugin is on. */
static int resolve_severity(instance *in, const config *cfg, const char **where)
{
	const stmtlint_plugin *d = in->plugin->desc;
	size_t idlen = strlen(d->id);
	int on = 0;
	size_t i;
	size_t k;

	in->severity = d->severity;
	for (k = 0; k < d->n_checks; k++)
		in->check_severity[k] = d->checks[k].severity;
	for (i = 0; i < cfg->n_rules; i++) {
		const rule_setting *r = &cfg->rules[i];

		if (r->options_only || r->severity == RULE_UNSET)
			continue;
		if (strcmp(r->rule, d->id) == 0) {
			on = r->severity != STMTLINT_OFF;
			if (on && r->at != NULL)
				*where = r->at->file;
			if (r->severity > STMTLINT_OFF) {
				in->severity = (stmtlint_severity)r->severity;
				for (k = 0; k < d->n_checks; k++)
					in->check_severity[k] = (stmtlint_severity)r->severity;
			}
		} else if (strncmp(r->rule, d->id, idlen) == 0 && r->rule[idlen] == '/') {
			long c = check_index(d, r->rule + idlen + 1);

			if (c >= 0)
				in->check_severity[c] = r->severity == RULE_ON
				                            ? d->checks[c].severity
				                            : (stmtlint_severity)r->severity;
		}
	}
	return on;
}

/* Works out the severity of each core rule from the settings; a rule that
 * cannot be configured (it means "not checked") named with a severity is an
 * error.  Returns 0 or -1. */
static int resolve_core_severity(ruleset *rs, const config *cfg, errlist *err)
{
	size_t i;
	int k;
	int rc = 0;

	for (k = 0; k < N_CORE_RULES; k++)
		rs->core_severity[k] = core_rules[k].severity;
	for (i = 0; i < cfg->n_rules; i++) {
		const rule_setting *r = &cfg->rules[i];

		k = core_rule_find(r->rule);
		if (k < 0 || r->options_only || r->severity == RULE_UNSET)
			continue;
		if (r->n_options > 0) {
			yt_error(err, r->at, "the core's rule '%s' has no options", r->rule);
			rc = -1;
		} else if (core_rules[k].fixed && r->severity != RULE_ON &&
		           r->severity != (int)core_rules[k].severity) {
			if (r->severity == STMTLINT_OFF)
				yt_error(err, r->at, "rule '%s' cannot be turned off: it says that something "
				         "could not be checked", r->rule);
			else
				yt_error(err, r->at, "rule '%s' cannot be made a %s: it says that something "
				         "could not be checked", r->rule, severity_name(r->severity));
			rc = -1;
		} else {
			rs->core_severity[k] = r->severity == RULE_ON ? core_rules[k].severity
			                                              : (stmtlint_severity)r->severity;
		}
	}
	return rc;
}

ruleset *ruleset_new(const plugin_set *plugins, config *cfg, store *st, errlist *err)
{
	ruleset *rs = calloc(1, sizeof(*rs));
	size_t i;
	size_t kept;
	int failed = 0;

	if (rs == NULL) {
		config_free(cfg);
		return NULL;
	}
	rs->cfg = cfg;
	rs->plugins = plugins;
	rs->store = st;
	rs->limits = regex_match_context();
	if (rs->limits == NULL) {
		errlist_add(err, "config", NULL, 0, 0, "out of memory");
		goto fail;
	}
	if (resolve_core_severity(rs, cfg, err) != 0)
		failed = 1;
	for (i = 0; i < cfg->n_rules; i++) {
		const rule_setting *r = &cfg->rules[i];

		if (!rule_known(plugins, r->rule)) {
			unknown_rule(plugins, r, err);
			failed = 1;
		} else if (strchr(r->rule, '/') != NULL && r->n_options > 0) {
			yt_error(err, r->at, "options belong to the plugin, not to its check '%s'", r->rule);
			failed = 1;
		}
	}
	if (failed)
		goto fail;
	rs->items = calloc(plugins->n ? plugins->n : 1, sizeof(*rs->items));
	if (rs->items == NULL)
		goto fail;
	for (i = 0; i < plugins->n; i++) {
		instance *in = &rs->items[rs->n];
		const stmtlint_plugin *d = plugins->items[i].desc;
		const char *where = NULL;
		size_t k;

		memset(in, 0, sizeof(*in));
		in->plugin = &plugins->items[i];
		in->check_severity = calloc(d->n_checks ? d->n_checks : 1, sizeof(*in->check_severity));
		in->check_rule = calloc(d->n_checks ? d->n_checks : 1, sizeof(*in->check_rule));
		if (in->check_severity == NULL || in->check_rule == NULL) {
			instance_release(in);
			goto fail;
		}
		if (!resolve_severity(in, cfg, &where)) {
			instance_release(in);
			continue;
		}
		rs->n++;
		for (k = 0; k < d->n_checks; k++) {
			size_t len = strlen(d->id) + strlen(d->checks[k].id) + 2;

			in->check_rule[k] = malloc(len);
			if (in->check_rule[k] == NULL)
				goto fail;
			snprintf(in->check_rule[k], len, "%s/%s", d->id, d->checks[k].id);
		}
		in->opts.where = where ? where : cfg->profile;
		if (resolve_options(in, cfg, err) != 0) {
			failed = 1;
			continue;
		}
	}
	if (failed)
		goto fail;
	qsort(rs->items, rs->n, sizeof(*rs->items), by_id);
	for (i = 0; i < rs->n; i++) {
		instance *in = &rs->items[i];
		const stmtlint_plugin *d = in->plugin->desc;
		size_t before = err->n;

		in->opts.err = err;
		in->opts.cfg = cfg;
		in->opts.store = st;
		if (d->init != NULL) {
			int rc = d->init(&host_table, &in->opts, &in->state);

			in->initialized = 1;
			if (rc != 0 || in->opts.failed) {
				errlist_add(err, "plugin", in->plugin->file, 0, 0, "plugin '%s' failed to "
				            "start%s; the drafts are checked without it", d->id,
				            err->n > before ? " (see above)" : "");
				in->dead = 1;
				rs->n_failed++;
			}
		} else {
			in->initialized = 1;
		}
		in->opts.err = NULL;
	}
	/* Leave out the plugins that failed to start. */
	for (i = 0, kept = 0; i < rs->n; i++) {
		if (rs->items[i].dead)
			instance_release(&rs->items[i]);
		else
			rs->items[kept++] = rs->items[i];
	}
	rs->n = kept;
	return rs;
fail:
	ruleset_free(rs);
	return NULL;
}

/* ---- checking a draft ----------------------------------------------------- */

static int all_space(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return 0;
	return 1;
}

struct stmtlint_diag *core_report_at(const ruleset *rs, const sl_doc *doc, suppress_set *sup,
                                     diag_list *out, core_rule_id id, stmtlint_severity ceiling,
                                     size_t start, size_t end, const char *fmt, ...)
{
	stmtlint_severity sev = rs->core_severity[id];
	struct stmtlint_diag *d;
	va_list ap;
	buf msg;

	if (sev == STMTLINT_OFF)
		return NULL;
	if (sev > ceiling)
		sev = ceiling;
	if (sup != NULL && suppress_match(sup, core_rules[id].id, doc_line_of(&doc->pub, start)))
		return NULL;
	buf_init(&msg, 65536);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	d = diag_add(out, core_rules[id].id, sev, start, end, msg.data ? msg.data : "");
	buf_free(&msg);
	return d;
}

/* Reports a draft with nothing to check: no text at all, or only front
 * matter.  Returns whether it did. */
static int report_empty(const ruleset *rs, const sl_doc *doc, diag_list *out)
{
	size_t i;

	if (all_space(doc->pub.text, doc->pub.length)) {
		core_report(rs, doc, NULL, out, CORE_INPUT, 0, 0,
		            "the draft is empty: there is nothing to check");
		return 1;
	}
	if (!all_space(doc->pub.prose, doc->pub.length))
		return 0;
	for (i = 0; i < doc->pub.n_blocks; i++) {
		const stmtlint_block *b = &doc->pub.blocks[i];

		if (b->kind == STMTLINT_BLOCK_FRONT_MATTER) {
			core_report(rs, doc, NULL, out, CORE_INPUT, b->span.start, b->span.start,
			            "the draft is only front matter: there is no text to check");
			return 1;
		}
	}
	return 0;
}

/* Warns about suppression comments that name no rule.  They are taken in
 * the order of their rules, so that did-you-mean is worked out once for each
 * name, from a list of the rule names made once per draft. */
static void check_suppression_rules(const ruleset *rs, const sl_doc *doc, suppress_set *sup,
                                    diag_list *out)
{
	size_t i;
	size_t n = 0;
	char **names = NULL;
	const char *last = NULL;   /* the last unknown rule, and its suggestion */
	const char *near = NULL;

	for (i = 0; i < sup->n; i++) {
		const suppression *s = &sup->items[sup->by_rule[i]];
		struct stmtlint_diag *d;

		if (s->rule[0] == '\0' || rule_known(rs->plugins, s->rule))
			continue;
		if (names == NULL)
			names = all_rule_names(rs->plugins, &n);
		if (last == NULL || strcmp(last, s->rule) != 0)
			near = names ? closest_word(s->rule, (const char *const *)names, n) : NULL;
		last = s->rule;
		if (near != NULL)
			d = core_report(rs, doc, sup, out, CORE_SUPPRESSION, s->offset,
			                s->offset + s->length,
			                "suppression names unknown rule '%s'; did you mean '%s'?", s->rule,
			                near);
		else
			d = core_report(rs, doc, sup, out, CORE_SUPPRESSION, s->offset,
			                s->offset + s->length, "suppression names unknown rule '%s'",
			                s->rule);
		if (d != NULL && near != NULL)
			diag_add_fix(d, s->offset, s->offset + s->length, near, NULL, doc->pub.text);
	}
	free_names(names, n);
}

/* The farthest edit distance at which a misspelt directive is fixed: past
 * it, or when two directives are as near, the intent is not certain. */
#define DIRECTIVE_FIX_DISTANCE 2

/* The directive `word` most likely means, with *certain set when it is the
 * only one within DIRECTIVE_FIX_DISTANCE edits; NULL when none is close. */
static const char *closest_directive(const char *word, int *certain)
{
	size_t within = 0;
	size_t k;

	for (k = 0; k < SUPPRESS_N_DIRECTIVES; k++) {
		size_t dist = edit_distance(word, suppress_directives[k]);

		if (dist >= 1 && dist <= DIRECTIVE_FIX_DISTANCE)
			within++;
	}
	*certain = within == 1;
	return closest_word(word, suppress_directives, SUPPRESS_N_DIRECTIVES);
}

/* Notes each comment word that starts with "stmtlint-" but is no directive:
 * the comment suppresses nothing, whatever its author meant. */
static void check_unknown_directives(const ruleset *rs, const sl_doc *doc, suppress_set *sup,
                                     diag_list *out)
{
	size_t i;

	for (i = 0; i < sup->n_unknown; i++) {
		const unknown_directive *u = &sup->unknown[i];
		char *word = strndup(doc->pub.text + u->offset, u->length);
		const char *near;
		int certain = 0;
		struct stmtlint_diag *d;

		if (word == NULL)
			return;
		near = closest_directive(word, &certain);
		d = core_report_at(rs, doc, sup, out, CORE_SUPPRESSION, STMTLINT_NOTE, u->offset,
		                   u->offset + u->length, "'%s' is not a directive of stmtlint, so this "
		                   "comment suppresses nothing; %s%s%s", word,
		                   near ? "did you mean '" : "the directives are 'stmtlint-disable', "
		                   "'stmtlint-enable' and 'stmtlint-disable-next-line'",
		                   near ? near : "", near ? "'?" : "");
		if (d != NULL && near != NULL && certain)
			diag_add_fix(d, u->offset, u->offset + u->length, near, NULL, doc->pub.text);
		free(word);
	}
}

/* The input order of the draft this thread checks (ruleset_check_at()). */
static __thread size_t draft_order = SIZE_MAX;
/* Plugin failures in the process, and the smallest order of their drafts. */
static size_t failures;
static size_t first_failure_order = SIZE_MAX;

/* Whether the plugin failed on a draft before this thread's. */
static int left_out(const instance *in)
{
	size_t f = __atomic_load_n(&in->failed_on, __ATOMIC_ACQUIRE);

	return f != 0 && f - 1 < draft_order;
}

/* Records that the plugin failed on this thread's draft. */
static void record_failure(instance *in)
{
	size_t want = draft_order == SIZE_MAX ? SIZE_MAX : draft_order + 1;
	size_t was = __atomic_load_n(&in->failed_on, __ATOMIC_ACQUIRE);
	size_t first = __atomic_load_n(&first_failure_order, __ATOMIC_ACQUIRE);

	while ((was == 0 || was > want) &&
	       !__atomic_compare_exchange_n(&in->failed_on, &was, want, 0, __ATOMIC_ACQ_REL,
	                                    __ATOMIC_ACQUIRE))
		;
	while (draft_order < first &&
	       !__atomic_compare_exchange_n(&first_failure_order, &first, draft_order, 0,
	                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		;
	__atomic_add_fetch(&failures, 1, __ATOMIC_ACQ_REL);
}

void engine_plugin_failures(size_t *count, size_t *first_order)
{
	*count = __atomic_load_n(&failures, __ATOMIC_ACQUIRE);
	*first_order = __atomic_load_n(&first_failure_order, __ATOMIC_ACQUIRE);
}

/* Whether `rule` (known) is off in the configuration: 1 off, 0 on, -1 when
 * that cannot be told (its plugin failed to start, or left the run). */
static int rule_off(const ruleset *rs, const char *rule)
{
	char id[80];
	const char *check;
	int core = core_rule_find(rule);
	size_t i;

	if (rule[0] == '\0')
		return 0;
	if (core >= 0)
		return rs->core_severity[core] == STMTLINT_OFF;
	if (split_rule(rule, id, sizeof(id), &check) != 0)
		return -1;
	for (i = 0; i < rs->n; i++) {
		const instance *in = &rs->items[i];
		long c;

		if (strcmp(in->plugin->desc->id, id) != 0)
			continue;
		if (left_out(in))
			return -1;
		if (check == NULL)
			return 0;
		c = check_index(in->plugin->desc, check);
		return c >= 0 && in->check_severity[c] == STMTLINT_OFF;
	}
	/* not among the running plugins: off, unless some failed to start */
	return rs->n_failed == 0 ? 1 : -1;
}

/* The width of the directive word at text[offset]: where a bare comment's
 * note points. */
static size_t word_length(const sl_doc *doc, size_t offset)
{
	size_t e = offset;

	while (e < doc->pub.length && !isspace((unsigned char)doc->pub.text[e]) &&
	       strncmp(doc->pub.text + e, "-->", 3) != 0)
		e++;
	return e - offset;
}

/* Notes one suppression that silenced nothing, unless its rule is unknown
 * (already warned about) or it cannot be told; `sup` (NULL: none) are the
 * suppressions that may silence the note. */
static void note_stale(const ruleset *rs, const sl_doc *doc, suppress_set *sup, diag_list *out,
                       const suppression *s, int plugins_failed)
{
	size_t len = s->rule[0] != '\0' ? s->length : word_length(doc, s->offset);
	int off;

	if (s->rule[0] != '\0' && !rule_known(rs->plugins, s->rule))
		return;
	off = rule_off(rs, s->rule);
	if (off < 0 || (off == 0 && plugins_failed && core_rule_find(s->rule) < 0))
		return;
	if (off)
		core_report_at(rs, doc, sup, out, CORE_SUPPRESSION, STMTLINT_NOTE, s->offset,
		               s->offset + len, "suppresses nothing: rule '%s' is off in the "
		               "configuration", s->rule);
	else
		core_report_at(rs, doc, sup, out, CORE_SUPPRESSION, STMTLINT_NOTE, s->offset,
		               s->offset + len, "suppresses nothing here: no finding%s%s%s on %s it "
		               "covers", s->rule[0] ? " of '" : "", s->rule, s->rule[0] ? "'" : "",
		               s->next_line ? "the line" : "the lines");
}

/* Whether a suppression of `rule` can silence the core rule "suppression",
 * and so must be judged after the others' notes. */
static int covers_suppression_rule(const char *rule)
{
	return rule[0] == '\0' || strcmp(rule, core_rules[CORE_SUPPRESSION].id) == 0;
}

/* After every check of the draft: notes each "disable" and
 * "disable-next-line" that silenced no finding, so that stale suppressions
 * are found.  Those that can silence these notes (of every rule, or of
 * "suppression") are judged last, and their own notes cannot be silenced:
 * a range would silence the note about itself.  When a
 * plugin failed on the draft (plugins_failed), only suppressions of core
 * rules are judged: the others may have lost their findings. */
static void check_stale_suppressions(const ruleset *rs, const sl_doc *doc, suppress_set *sup,
                                     diag_list *out, int plugins_failed)
{
	int pass;
	size_t i;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < sup->n; i++) {
			const suppression *s = &sup->items[i];

			if (covers_suppression_rule(s->rule) == pass && s->hits == 0)
				note_stale(rs, doc, pass == 0 ? sup : NULL, out, s, plugins_failed);
		}
}

/* The reader's findings about the draft itself (encoding, front matter). */
static void report_doc_issues(const ruleset *rs, const sl_doc *doc, suppress_set *sup,
                              diag_list *out)
{
	size_t i;

	for (i = 0; i < doc->n_issues; i++) {
		const doc_issue *is = &doc->issues[i];
		int k = core_rule_find(is->rule);

		if (k >= 0)
			core_report(rs, doc, sup, out, (core_rule_id)k, is->start, is->end, "%s",
			            is->message);
	}
}

/* One plugin's check of one draft, as guard_run() calls it. */
typedef struct check_call {
	const instance *in;
	struct stmtlint_ctx *ctx;
	const sl_doc *doc;
} check_call;

static int call_check(void *arg)
{
	check_call *c = arg;

	return c->in->plugin->desc->check(&host_table, c->in->state, c->ctx, &c->doc->pub);
}

static unsigned long elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (unsigned long)((now.tv_sec - since->tv_sec) * 1000 +
	                       (now.tv_nsec - since->tv_nsec) / 1000000);
}

/* Runs one plugin on the draft under a guard, with limit_ms left of the
 * draft's draft_limit_ms; a crash, exit() or the time limit leaves the
 * plugin out of the rest of the run.  Returns 0 or -1. */
static int run_plugin(const ruleset *rs, const instance *in, const sl_doc *doc,
                      suppress_set *sup, diag_list *out, unsigned long limit_ms,
                      unsigned long draft_limit_ms, errlist *err)
{
	struct stmtlint_ctx ctx;
	check_call call = { in, &ctx, doc };
	char what[128];
	guard_result how;
	int detail;
	int rc = 0;

	if (left_out(in)) {
		errlist_add(err, "plugin", doc->pub.path, 0, 0, "not checked by plugin '%s', which "
		            "was left out after it failed on an earlier draft", in->plugin->desc->id);
		return -1;
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.inst = in;
	ctx.rs = rs;
	ctx.doc = doc;
	ctx.out = out;
	ctx.sup = sup;
	ctx.mc = rs->limits;
	how = guard_run(call_check, &call, limit_ms, &rc, &detail);
	if (how == GUARD_TIMEOUT)
		detail = (int)draft_limit_ms;  /* the draft's limit, whatever was left of it */
	if (how != GUARD_OK) {
		/* its state may be corrupt: no more drafts for it, and the locks it
		 * held are let go */
		host_release_abandoned();
		record_failure((instance *)in);
		errlist_add(err, "plugin", doc->pub.path, 0, 0, "internal error: plugin '%s' (%s) %s "
		            "while checking this draft; its findings on it are incomplete and it is "
		            "left out of the rest of the run", in->plugin->desc->id, in->plugin->file,
		            guard_describe(how, detail, what, sizeof(what)));
		rc = -1;
	} else if (rc != 0) {
		errlist_add(err, "plugin", doc->pub.path, 0, 0,
		            "plugin '%s' could not check this draft", in->plugin->desc->id);
		rc = -1;
	}
	host_ctx_release(&ctx);
	diag_list_release_evicted(out);
	return rc;
}

/* The bidirectional embedding, override and isolate controls (U+202A to
 * U+202E, U+2066 to U+2069): what a reader sees need not be what the text
 * says ("Trojan Source"). */
static void report_bidi(const ruleset *rs, const sl_doc *doc, suppress_set *sup,
                        diag_list *out)
{
	const unsigned char *t = (const unsigned char *)doc->pub.text;
	size_t i;

	if (rs->core_severity[CORE_BIDI] == STMTLINT_OFF)
		return;
	for (i = 0; i + 2 < doc->pub.length; i++) {
		uint32_t cp;

		if (t[i] != 0xE2 || (t[i + 1] != 0x80 && t[i + 1] != 0x81))
			continue;
		cp = 0x2000u | ((uint32_t)(t[i + 1] & 0x3F) << 6) | (t[i + 2] & 0x3F);
		if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
			core_report(rs, doc, sup, out, CORE_BIDI, i, i + 3, "bidirectional control "
			            "character U+%04X: the text may display in another order than it "
			            "reads; delete it unless the draft needs it", (unsigned)cp);
	}
}

int ruleset_check(const ruleset *rs, const sl_doc *doc, unsigned long limit_ms, diag_list *out,
                  errlist *err)
{
	return ruleset_check_at(rs, doc, SIZE_MAX, limit_ms, out, err);
}

int ruleset_check_at(const ruleset *rs, const sl_doc *doc, size_t order, unsigned long limit_ms,
                     diag_list *out, errlist *err)
{
	struct timespec start;
	suppress_set sup;
	size_t i;
	int rc = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	draft_order = order;
	if (doc->refused) {
		/* too large to model: the reader said where; nothing was checked */
		size_t k;

		for (k = 0; k < doc->n_issues; k++) {
			size_t line;
			size_t col;

			doc_position(&doc->pub, doc->issues[k].start, &line, &col);
			errlist_add(err, "input", doc->pub.path, line, col, "%s", doc->issues[k].message);
		}
		return -1;
	}
	if (suppress_scan(&doc->pub, &sup) != 0) {
		errlist_add(err, "input", doc->pub.path, 0, 0, "out of memory");
		return -1;
	}
	report_doc_issues(rs, doc, &sup, out);
	report_bidi(rs, doc, &sup, out);
	if (report_empty(rs, doc, out))
		goto done;
	check_suppression_rules(rs, doc, &sup, out);
	check_unknown_directives(rs, doc, &sup, out);
	for (i = 0; i < rs->n; i++) {
		unsigned long left = 0;

		if (limit_ms > 0) {
			unsigned long spent = elapsed_ms(&start);

			/* what is left of the draft's time; at least 1 ms, so that a plugin
			 * after a slow one still gets its say and the report names the slow one */
			left = spent < limit_ms ? limit_ms - spent : 1;
		}
		if (run_plugin(rs, &rs->items[i], doc, &sup, out, left, limit_ms, err) != 0)
			rc = -1;
	}
	check_stale_suppressions(rs, doc, &sup, out, rc != 0);
done:
	suppress_free(&sup);
	diag_finish(out, core_rules[CORE_LIMIT].id, rs->core_severity[CORE_LIMIT]);
	return rc;
}
