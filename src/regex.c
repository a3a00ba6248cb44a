/* regex.c - PCRE2 patterns compiled once and run with limits. */
#include "regex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct stmtlint_regex *regex_compile(const char *pattern, unsigned flags, const char *where, buf *err)
{
	struct stmtlint_regex *re;
	uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_AUTO_CALLOUT;   /* steps are counted */
	int code;
	PCRE2_SIZE at;

	if (flags & STMTLINT_RE_CASELESS)
		options |= PCRE2_CASELESS;
	if (flags & STMTLINT_RE_MULTILINE)
		options |= PCRE2_MULTILINE;
	if (flags & STMTLINT_RE_EXTENDED)
		options |= PCRE2_EXTENDED;
	re = calloc(1, sizeof(*re));
	if (re == NULL)
		return NULL;
	re->pattern = strdup(pattern);
	re->where = strdup(where ? where : "");
	if (re->pattern == NULL || re->where == NULL) {
		regex_free(re);
		return NULL;
	}
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, options, &code, &at, NULL);
	if (re->code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(code, msg, sizeof(msg));
		buf_printf(err, "invalid pattern '%s': %s at offset %zu", pattern, (const char *)msg,
		           (size_t)at);
		regex_free(re);
		return NULL;
	}
	re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
	return re;
}

void regex_free(struct stmtlint_regex *re)
{
	if (re == NULL)
		return;
	pcre2_code_free(re->code);
	free(re->pattern);
	free(re->where);
	free(re);
}

/* The budget of the match running on this thread: the match context is
 * shared, so its callout cannot carry a budget of its own. */
static _Thread_local regex_budget *running_budget;

/* PCRE2's automatic callout, before each item of a pattern: one step. */
static int count_step(pcre2_callout_block *block, void *unused)
{
	(void)block;
	(void)unused;
	if (running_budget == NULL)
		return 0;
	if (running_budget->spent >= running_budget->limit)
		return PCRE2_ERROR_CALLOUT;   /* abandons the match */
	running_budget->spent++;
	return 0;
}

pcre2_match_context *regex_match_context(void)
{
	pcre2_match_context *mc = pcre2_match_context_create(NULL);

	if (mc == NULL)
		return NULL;
	pcre2_set_match_limit(mc, REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(mc, REGEX_DEPTH_LIMIT);
	pcre2_set_callout(mc, count_step, NULL);
	return mc;
}

void regex_budget_for(regex_budget *budget, size_t length)
{
	if (budget->limit != 0)
		return;
	budget->limit = length > (SIZE_MAX - REGEX_WORK_BASE) / REGEX_WORK_PER_BYTE
	                ? SIZE_MAX : REGEX_WORK_BASE + REGEX_WORK_PER_BYTE * length;
}

int regex_exec(const struct stmtlint_regex *re, pcre2_match_data *md, pcre2_match_context *mc,
               regex_budget *budget, const char *subject, size_t length, size_t offset,
               size_t *ovector, size_t pairs)
{
	int rc;
	PCRE2_SIZE *ov;
	size_t i;
	size_t n;

	if (offset > length)
		return STMTLINT_RE_NOMATCH;
	if (budget->spent >= budget->limit)
		return REGEX_BUDGET_SPENT;
	budget->spent++;
	running_budget = budget;
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, length, offset, PCRE2_NO_UTF_CHECK, md, mc);
	running_budget = NULL;
	if (rc == PCRE2_ERROR_CALLOUT)
		return REGEX_BUDGET_SPENT;
	if (rc == PCRE2_ERROR_NOMATCH)
		return STMTLINT_RE_NOMATCH;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return STMTLINT_RE_LIMIT;
	if (rc < 0)
		return STMTLINT_RE_ERROR;
	ov = pcre2_get_ovector_pointer(md);
	n = pcre2_get_ovector_count(md);
	if (n > pairs)
		n = pairs;
	for (i = 0; i < n; i++) {
		if (ov[2 * i] == PCRE2_UNSET) {
			ovector[2 * i] = SIZE_MAX;
			ovector[2 * i + 1] = SIZE_MAX;
		} else {
			ovector[2 * i] = ov[2 * i];
			ovector[2 * i + 1] = ov[2 * i + 1];
		}
	}
	return n > 0 ? (int)n : 1;
}
