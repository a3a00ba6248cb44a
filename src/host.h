/* host.h - the services the host offers plugins (the stmtlint_host table). */
#ifndef STMTLINT_HOST_H
#define STMTLINT_HOST_H

#include "stmtlint/plugin.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "errlist.h"
#include "doc.h"
#include "loader.h"
#include "regex.h"
#include "store.h"
#include "suppress.h"

/* A plugin's options, validated against its table. */
struct stmtlint_options {
	const loaded_plugin *plugin;
	const struct stmtlint_node **values;  /* per declared option: its value, its default, or NULL */
	struct stmtlint_node *defaults;       /* nodes made from the declared defaults (owned) */
	const char *where;                    /* the profile or config that enabled the plugin */
	const config *cfg;                    /* the configuration: language, dictionaries, data */
	store *store;                         /* the session's datasets and resources */
	errlist *err;                         /* where config_error() writes, during init */
	int failed;
};

/* One enabled plugin under one configuration. */
typedef struct instance {
	const loaded_plugin *plugin;
	stmtlint_severity severity;           /* of STMTLINT_NO_CHECK reports */
	stmtlint_severity *check_severity;    /* per check; STMTLINT_OFF when off */
	char **check_rule;                    /* per check: "plugin/check" */
	struct stmtlint_options opts;
	void *state;
	int initialized;
	int dead;                             /* init() failed: to be left out */
	size_t failed_on;                     /* a check crashed, exited or hung: 1 + the input
	                                         order of the draft (ruleset_check_at()), read
	                                         and written atomically; 0 while it never did */
} instance;

struct ruleset;

/* One plugin's check of one draft. */
struct stmtlint_ctx {
	const instance *inst;
	const struct ruleset *rs;             /* for the core's rules (pattern-limit, plugin) */
	const sl_doc *doc;
	diag_list *out;
	suppress_set *sup;                    /* counts what it silences */
	pcre2_match_data *md;                 /* created on first use */
	pcre2_match_context *mc;              /* shared by the draft's checks, read-only */
	regex_budget pattern_work;            /* steps of pattern work on this draft (regex.h) */
	int limit_reported;                   /* a match hit the match or depth limit; said once */
	int budget_reported;                  /* pattern_work ran out; said once */
	int bad_fix_reported;                 /* a fix-it of this plugin was refused */
};

/* The table passed to every plugin. */
extern const stmtlint_host host_table;

/* Releases what a check context created (its match data). */
void host_ctx_release(struct stmtlint_ctx *ctx);
/* After the guard stopped a check on this thread: unlocks each locked
 * resource the check had acquired and never released, and marks it
 * abandoned (its object may be half-changed), so that no other check waits
 * for it forever and none uses it again (resource_acquire gives NULL). */
void host_release_abandoned(void);

#endif
