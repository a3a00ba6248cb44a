/* regex.h - PCRE2 patterns compiled once and run with limits. */
#ifndef STMTLINT_REGEX_H
#define STMTLINT_REGEX_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "buf.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Limits every match runs under.  PCRE2 applies them at each place a match
 * is tried, so they alone do not bound the work of a whole draft. */
#define REGEX_MATCH_LIMIT 1000000u
#define REGEX_DEPTH_LIMIT 10000u

/* The pattern work one plugin may do on one draft, in steps: a step is one
 * item of a pattern tried at one place (counted by PCRE2's automatic
 * callouts), and each match call is one step more.  The budget is
 * REGEX_WORK_BASE steps (ten times the match limit) plus REGEX_WORK_PER_BYTE
 * for each byte of the draft: the dialogue's own pattern takes 0.23 steps a
 * byte over the published statements.  A pattern that stays under the match
 * limit at every place it is tried (hundreds of thousands of steps each, a
 * hundred thousand places) would otherwise take minutes. */
#define REGEX_WORK_BASE 10000000u
#define REGEX_WORK_PER_BYTE 16u

/* Steps spent on one draft by one plugin, and its budget. */
typedef struct regex_budget {
	size_t spent;
	size_t limit;   /* 0 until set by regex_budget_for() */
} regex_budget;

/* regex_exec() result when the budget is spent (never seen by plugins). */
#define REGEX_BUDGET_SPENT (-3)

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
 * `md` (match data of the caller's thread) and `mc` (from
 * regex_match_context()), and counts its steps in `budget`.  As
 * stmtlint_host.regex_match, but without reporting; returns
 * REGEX_BUDGET_SPENT, without matching, once the budget is spent. */
int regex_exec(const struct stmtlint_regex *re, pcre2_match_data *md, pcre2_match_context *mc,
               regex_budget *budget, const char *subject, size_t length, size_t offset,
               size_t *ovector, size_t pairs);
/* A match context with the limits set and the step counter attached; it may
 * be shared by threads.  The caller frees it with pcre2_match_context_free(). */
pcre2_match_context *regex_match_context(void);
/* Sets budget->limit for a draft of `length` bytes, when it is not set yet. */
void regex_budget_for(regex_budget *budget, size_t length);

#endif
