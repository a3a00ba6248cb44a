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
 * empty draft), suppression comments, then every enabled plugin.  Findings go
 * to out, finished by diag_finish() (sorted, fixes resolved, the cap's
 * note).  Each plugin runs under a guard (guard.h): one that crashes, calls
 * exit() or is still running `limit_ms` after the draft's check began (0:
 * no limit) is reported and left out of the rest of the run.  Returns 0,
 * or -1 when a plugin failed on the draft (with a [plugin] error in err);
 * the other plugins' findings are kept. */
int ruleset_check(const ruleset *rs, const sl_doc *doc, unsigned long limit_ms, diag_list *out,
                  errlist *err);

/* Reports a finding of core rule `id` at the severity rs configures for it,
 * unless it is off or suppressed at that line.  Returns the finding, or NULL. */
struct stmtlint_diag *core_report(const ruleset *rs, const sl_doc *doc, const suppress_set *sup,
                                  diag_list *out, core_rule_id id, size_t start, size_t end,
                                  const char *fmt, ...) __attribute__((format(printf, 8, 9)));

/* Whether `rule` names a core rule, a loaded plugin or one of its checks. */
int rule_known(const plugin_set *plugins, const char *rule);

#endif
