/* regex.h - PCRE2 patterns compiled once and run with limits. */
#ifndef STMTLINT_REGEX_H
#define STMTLINT_REGEX_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "buf.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Limits every match runs under. */
#define REGEX_MATCH_LIMIT 1000000u
#define REGEX_DEPTH_LIMIT 10000u

struct stmtlint_regex {
	pcre2_code *code;
	char *pattern;     /* for messages */
	char *where;       /* "FILE:LINE:COL" of the pattern in rule data, or "" */
	int jit;
};

/* Compiles `pattern` (UTF-8, Unicode properties, `flags` STMTLINT_RE_*),
 * with JIT where available.  Returns the pattern, owned by the caller and
 * freed with regex_free(), or NULL with "what is wrong at which offset" in err. */
struct stmtlint_regex *regex_compile(const char *pattern, unsigned flags, const char *where, buf *err);
void regex_free(struct stmtlint_regex *re);
/* Runs re over subject[0, length) from `offset` with the limits above, using
 * `md` (match data of the caller's thread, from regex_match_data()).  As
 * stmtlint_host.regex_match, but without reporting. */
int regex_exec(const struct stmtlint_regex *re, pcre2_match_data *md, pcre2_match_context *mc,
               const char *subject, size_t length, size_t offset, size_t *ovector, size_t pairs);
/* A match context with the limits set; the caller frees it with pcre2_match_context_free(). */
pcre2_match_context *regex_match_context(void);

#endif
