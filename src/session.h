/* session.h - one checking session per process: the one path by which the
 * command line, a parallel runner, a fixer and an editor's language server
 * check drafts.  It owns configuration discovery (cached per folder; a
 * configuration is read again when one of its files changes on disk), the
 * plugins, one rule set per configuration, and the datasets and resources
 * plugins share.  Checking a draft returns its model, its findings and any
 * errors as data; choosing and printing an output is the caller's. */
#ifndef STMTLINT_SESSION_H
#define STMTLINT_SESSION_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "diag.h"
#include "doc.h"
#include "errlist.h"

/* What the command line (or an editor's settings) asks of a session. */
typedef struct session_opts {
	const char *config_path;            /* --config: this file for every draft; NULL: discover */
	const char *profile;                /* --profile NAME|FILE, or NULL */
	const char *const *plugin_dirs;     /* --plugin-dir, in order */
	size_t n_plugin_dirs;
	const char *const *rules;           /* --enable/--disable RULE, in order ... */
	const int *rule_severity;           /* ... each RULE_ON or STMTLINT_OFF */
	size_t n_rules;
	int allow_repo_plugins;             /* a .stmtlint.yaml may load plugins */
	unsigned long long max_size;        /* largest draft read, in bytes */
	int fail_on;                        /* --fail-on, or RULE_UNSET */
	unsigned long time_limit_ms;        /* --time-limit: the plugins' time per draft (0: none) */
} session_opts;

typedef struct session session;

/* What checking one draft produced. */
typedef struct check_report {
	char *name;                 /* the draft as reported (owned) */
	sl_doc *doc;                /* its model; NULL when it could not be read */
	diag_list diags;            /* its findings: sorted, fixes resolved, capped */
	errlist errors;             /* what kept it from being checked fully: errors in its
	                               configuration (first time that configuration is met),
	                               plugins, or reading it, each with its own file */
	stmtlint_severity fail_on;  /* the level at which this draft fails */
	size_t order;               /* its place in the run's input order, which a runner sets
	                               before checking (see ruleset_check_at()); SIZE_MAX */
} check_report;

/* Starts a session: reads the user's configuration and loads the plugins
 * (installed, the user's, opts' folders).  Errors (a plugin that failed to
 * load, say) go to err; the session is still usable without what failed.
 * `opts` and what it points to must outlive the session.  NULL only when
 * out of memory. */
session *session_new(const session_opts *opts, errlist *err);
/* Frees every rule set (running the plugins' fini()), the datasets and
 * resources, then unloads the plugins.  Accepts NULL. */
void session_free(session *s);

/* Checks the file at `path` ("-": standard input), reported as `name`, and
 * whose configuration is looked up from `config_from` (the path, or the
 * name given for standard input).  Fills *r; the caller frees it with
 * check_report_free().  Returns 0 when the draft was checked in full, -1
 * when it could not be (the reasons are in r->errors). */
int session_check_file(session *s, const char *path, const char *name, const char *config_from,
                       check_report *r);
/* Checks a draft held in memory (an editor's buffer): `name` reports it
 * and finds its configuration.  As session_check_file. */
int session_check_buffer(session *s, const char *name, const char *data, size_t len,
                         check_report *r);
/* Starts an empty report for the draft `name` (copied).  0, or -1 when
 * out of memory. */
int check_report_init(check_report *r, const char *name);
/* Frees what a report holds. */
void check_report_free(check_report *r);

/* Checking in two steps, so that a parallel runner finds every draft's
 * configuration in input order on one thread (its errors then go to the
 * same draft as with one thread, and plugins' init() runs there), and
 * checks the drafts on many. */
typedef struct session_config session_config;
/* Starts a report for `name` (the caller frees it with check_report_free())
 * and finds the configuration for a draft whose configuration is looked up
 * from `config_from`, as session_check_file() does; its errors go to
 * r->errors.  Returns NULL when there is none to check with (the reasons
 * are in r->errors), and when out of memory.  Not for concurrent use. */
const session_config *session_prepare(session *s, const char *config_from, const char *name,
                                       check_report *r);
/* Checks the file at `path` (or "-") under c, adding to the report that
 * session_prepare() started.  Safe to call from several threads at once,
 * for different reports.  Returns as session_check_file(). */
int session_check_prepared_file(session *s, const session_config *c, const char *path,
                                check_report *r);
/* As session_check_prepared_file(), for `len` bytes at `data` as read
 * from the draft's file (a byte-order mark and invalid UTF-8 included). */
int session_check_prepared_data(session *s, const session_config *c, const char *data,
                                size_t len, check_report *r);
/* How many times a plugin failed on a draft so far, and the smallest
 * order (check_report.order) of those drafts, SIZE_MAX for none. */
void session_plugin_failures(size_t *count, size_t *first_order);

/* The `ignore:` glob patterns of c's .stmtlint.yaml, and the folder they
 * are relative to (NULL when it has none); *n gets their number. */
const char *const *session_config_ignores(const session_config *c, const char **dir, size_t *n);

/* Forgets which configuration each folder uses, so that the next check
 * looks again (a .stmtlint.yaml was created or deleted). */
void session_forget_folders(session *s);

/* One rule, for --list-rules: a core rule or plugin (depth 0), or a
 * plugin's check (depth 1, id "PLUGIN/CHECK"). */
typedef struct rule_info {
	const char *id;
	stmtlint_severity severity;
	const char *summary;
	int depth;
	int fixed;                  /* a core rule that cannot be configured */
} rule_info;
/* Calls fn for every rule: the core's, then each plugin's in load order. */
void session_each_rule(const session *s, void (*fn)(void *arg, const rule_info *rule),
                       void *arg);


#endif
