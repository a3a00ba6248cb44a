/* engine.h - a configuration made ready (plugins enabled, options checked,
 * init run), and the check of one draft under it. */
#ifndef STMTLINT_ENGINE_H
#define STMTLINT_ENGINE_H

#include "buf.h"
#include "config.h"
#include "corerules.h"
#include "errlist.h"
#include "diag.h"
#include "doc.h"
#include "host.h"
#include "loader.h"
#include "store.h"

typedef struct ruleset {
	config *cfg;                 /* owned */
	instance *items;             /* the enabled plugins, in plugin-id order */
	size_t n;
	const plugin_set *plugins;   /* every loaded plugin (not owned) */
	pcre2_match_context *limits; /* match and depth limits, shared read-only by checks */
	size_t n_failed;             /* enabled plugins whose init() failed: left out */
	store *store;                /* the session's datasets and resources (not owned) */
	stmtlint_severity core_severity[N_CORE_RULES]; /* the core's rules, as configured */
} ruleset;

/* Makes a configuration ready: checks every rule name and option against the
 * core's rules and the loaded plugins (with did-you-mean), and runs each
 * enabled plugin's init(), which may load datasets and resources into `st`.
 * Takes ownership of cfg.  Returns the ruleset, or NULL after adding
 * [config] errors to err.  A plugin whose init() fails is left out with its
 * errors in err and counted in n_failed; the others check. */
ruleset *ruleset_new(const plugin_set *plugins, config *cfg, store *st, errlist *err);
/* Runs fini() of every plugin and frees everything; accepts NULL. */
void ruleset_free(ruleset *rs);

/* Checks one draft: the reader's own findings (encoding, front matter, an
 * empty draft), suppression comments, every enabled plugin, then the
 * suppressions that silenced nothing (notes; judged only for core rules
 * when a plugin failed on the draft).  Findings go
 * to out, finished by diag_finish() (sorted, fixes resolved, the cap's
 * note).  Each plugin runs under a guard (guard.h): one that crashes, calls
 * exit() or is still running `limit_ms` after the draft's check began (0:
 * no limit) is reported and left out of the rest of the run.  Returns 0,
 * or -1 when a plugin failed on the draft (with a [plugin] error in err);
 * the other plugins' findings are kept. */
int ruleset_check(const ruleset *rs, const sl_doc *doc, unsigned long limit_ms, diag_list *out,
                  errlist *err);

/* ruleset_check() of the draft at place `order` in the run's input order
 * (SIZE_MAX: after every other).  A plugin that failed on a draft is left
 * out of the drafts after it in that order only, so that which drafts it
 * checks does not depend on which thread got there first. */
int ruleset_check_at(const ruleset *rs, const sl_doc *doc, size_t order, unsigned long limit_ms,
                     diag_list *out, errlist *err);
/* How many times a plugin failed on a draft in this process, and the
 * smallest input order of those drafts (SIZE_MAX: none yet). */
void engine_plugin_failures(size_t *count, size_t *first_order);

/* Reports a finding of core rule `id` at the severity rs configures for
 * it, but at most `ceiling`, unless the rule is off or the finding is
 * suppressed at its line (counted in the suppression).  A ceiling below
 * the rule's default is for findings the configured severity would
 * overstate: a suppression that suppresses nothing is a note even though
 * an unknown rule in one is a warning.  Returns the finding, or NULL. */
struct stmtlint_diag *core_report_at(const ruleset *rs, const sl_doc *doc, suppress_set *sup,
                                     diag_list *out, core_rule_id id, stmtlint_severity ceiling,
                                     size_t start, size_t end, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));
/* core_report_at() at the configured severity, whatever it is. */
#define core_report(rs, doc, sup, out, id, ...) \
	core_report_at((rs), (doc), (sup), (out), (id), STMTLINT_ERROR, __VA_ARGS__)

/* Whether `rule` names a core rule, a loaded plugin or one of its checks. */
int rule_known(const plugin_set *plugins, const char *rule);

#endif
