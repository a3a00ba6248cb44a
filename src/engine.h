/* engine.h - a configuration made ready (plugins enabled, options checked,
 * init run), and the check of one draft under it. */
#ifndef STMTLINT_ENGINE_H
#define STMTLINT_ENGINE_H

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "doc.h"
#include "host.h"
#include "loader.h"

typedef struct ruleset {
	config *cfg;                 /* owned */
	instance *items;             /* the enabled plugins, in plugin-id order */
	size_t n;
	const plugin_set *plugins;   /* every loaded plugin (not owned) */
	pcre2_match_context *limits; /* match and depth limits, shared read-only by checks */
	size_t n_failed;             /* enabled plugins whose init() failed: left out */
} ruleset;

/* Makes a configuration ready: checks every rule name and option against the
 * loaded plugins (with did-you-mean), and runs each enabled plugin's init().
 * Takes ownership of cfg.  Returns the ruleset, or NULL after appending
 * "FILE:LINE:COL: error: …" lines to err.  A plugin whose init() fails is
 * left out with its error in err and counted in n_failed; the others check. */
ruleset *ruleset_new(const plugin_set *plugins, config *cfg, buf *err);
/* Runs fini() of every plugin and frees everything; accepts NULL. */
void ruleset_free(ruleset *rs);

/* Checks one draft: the reader's own findings (encoding, front matter, an
 * empty draft), suppression comments, then every enabled plugin.  Findings go
 * to out, sorted.  Returns 0, or -1 when a plugin failed on the draft (with a
 * line in err); the other plugins' findings are kept. */
int ruleset_check(const ruleset *rs, const sl_doc *doc, diag_list *out, buf *err);

/* Whether `rule` names a loaded plugin or one of its checks. */
int rule_known(const plugin_set *plugins, const char *rule);

#endif
