/* corerules.c - the core's own rules. */
#include "corerules.h"

#include <string.h>

const core_rule core_rules[N_CORE_RULES] = {
	[CORE_BIDI] = { "bidi", STMTLINT_WARNING, 0,
	                "a bidirectional control character, which can make text display in another "
	                "order than it reads" },
	[CORE_COMMENT] = { "comment", STMTLINT_ERROR, 0,
	                   "an HTML comment '<!--' that is never closed: a Markdown reader sees none "
	                   "of the text after it" },
	[CORE_CONFIG] = { "config", STMTLINT_ERROR, 1,
	                  "a configuration, profile, rule data or dataset cannot be used" },
	[CORE_ENCODING] = { "encoding", STMTLINT_ERROR, 0, "bytes that are not UTF-8" },
	[CORE_FRONT_MATTER] = { "front-matter", STMTLINT_ERROR, 0,
	                        "front matter that cannot be read as a YAML mapping" },
	[CORE_INPUT] = { "input", STMTLINT_ERROR, 1,
	                 "a draft that cannot be read, or holds nothing to check" },
	[CORE_LIMIT] = { "limit", STMTLINT_NOTE, 0,
	                 "findings past the per-file limit were counted but not shown" },
	[CORE_PATTERN_LIMIT] = { "pattern-limit", STMTLINT_WARNING, 0,
	                         "a rule-data pattern hit its match limit; the check was cut short" },
	[CORE_PLUGIN] = { "plugin", STMTLINT_ERROR, 1,
	                  "a plugin failed to load, start or check a draft" },
	[CORE_SUPPRESSION] = { "suppression", STMTLINT_WARNING, 0,
	                       "a suppression comment that names an unknown rule; a note when one "
	                       "names no directive or suppresses nothing" },
};

int core_rule_find(const char *id)
{
	int i;

	for (i = 0; i < N_CORE_RULES; i++)
		if (strcmp(core_rules[i].id, id) == 0)
			return i;
	return -1;
}
