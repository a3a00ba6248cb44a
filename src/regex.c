/* regex.c - PCRE2 patterns compiled once and run with limits. */
#include "regex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct stmtlint_regex *regex_compile(const char *pattern, unsigned flags, const char *where, buf *err)
{
	struct stmtlint_regex *re;
	uint32_t options = PCRE2_UTF | PCRE2_UCP;
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

pcre2_match_context *regex_match_context(void)
{
	pcre2_match_context *mc = pcre2_match_context_create(NULL);

	if (mc == NULL)
		return NULL;
	pcre2_set_match_limit(mc, REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(mc, REGEX_DEPTH_LIMIT);
	return mc;
}

int regex_exec(const struct stmtlint_regex *re, pcre2_match_data *md, pcre2_match_context *mc,
               const char *subject, size_t length, size_t offset, size_t *ovector, size_t pairs)
{
	int rc;
	PCRE2_SIZE *ov;
	size_t i;
	size_t n;

	if (offset > length)
		return STMTLINT_RE_NOMATCH;
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, length, offset, PCRE2_NO_UTF_CHECK, md, mc);
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
