/* corerules.h - the core's own rules, in one table like a plugin's checks:
 * listed by --list-rules, configured and suppressed by their ids, and used
 * by every output. */
#ifndef STMTLINT_CORERULES_H
#define STMTLINT_CORERULES_H

#include <stddef.h>

#include "stmtlint/plugin.h"

typedef enum core_rule_id {
	CORE_BIDI = 0,       /* a bidirectional control character: text may not read as it shows */
	CORE_COMMENT,        /* an HTML comment that is never closed */
	CORE_CONFIG,         /* a configuration, profile, rule data or dataset that cannot be used */
	CORE_ENCODING,       /* bytes that are not UTF-8 */
	CORE_FRONT_MATTER,   /* front matter that cannot be read */
	CORE_INPUT,          /* a draft that cannot be read, or holds nothing to check */
	CORE_LIMIT,          /* findings past the per-file limit, counted but not shown */
	CORE_PATTERN_LIMIT,  /* a rule-data pattern that hit its match limit */
	CORE_PLUGIN,         /* a plugin that failed to load, start or check, or misbehaved */
	CORE_SUPPRESSION,    /* a suppression comment that names no rule, no directive,
	                        or suppresses nothing */
	N_CORE_RULES
} core_rule_id;

typedef struct core_rule {
	const char *id;
	stmtlint_severity severity;  /* default severity */
	int fixed;                   /* cannot be turned off or changed: it means "not checked" */
	const char *summary;
} core_rule;

/* Indexed by core_rule_id. */
extern const core_rule core_rules[N_CORE_RULES];

/* The index of the core rule named `id`, or -1. */
int core_rule_find(const char *id);

#endif
