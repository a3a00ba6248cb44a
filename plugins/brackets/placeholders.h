/*
 * placeholders.h - text left to be filled in: "[LINK]", "[DATE]", "[XX]",
 * "XX" or "XXX" standing for a number or a name, "TBD", "TBC", "TK", "***",
 * "???", "Lorem ipsum", and whatever the profile adds (option
 * `placeholders`).
 */
#ifndef STMTLINT_PLACEHOLDERS_H
#define STMTLINT_PLACEHOLDERS_H

#include <stddef.h>

#include "stmtlint/plugin.h"

/* The profile's own placeholders, sorted into the three ways they are found. */
typedef struct placeholder_list {
	char **bracketed;       /* "[NAME]" given: the content, "NAME" */
	size_t n_bracketed;
	char **words;           /* one word ("TBA"), matched as a whole word */
	size_t n_words;
	char **phrases;         /* anything else ("insert name"), matched between word boundaries */
	size_t n_phrases;
} placeholder_list;

/* Reads option `placeholders` into *list (zeroed first).  Returns 0, or -1
 * after reporting through host->config_error(). */
int placeholders_read(const stmtlint_host *host, const stmtlint_options *opts,
                      placeholder_list *list);

/* Frees what placeholders_read() allocated; accepts a zeroed list. */
void placeholders_free(placeholder_list *list);

/* Whether the content text[start, end) of a bracket (without its '[' and
 * ']') is a placeholder: one of the built-in ones, the profile's, a run of
 * X's, or nothing but white space. */
int placeholder_bracket(const placeholder_list *list, const char *text, size_t start,
                        size_t end);

/* Reports, as check `check`, the placeholders of doc's prose that are not
 * inside one of the `n` spans `skip` (sorted, not overlapping: the brackets
 * already reported).  Returns 0, or -1 when out of memory. */
int placeholders_report(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                        const placeholder_list *list, const stmtlint_span *skip, size_t n,
                        size_t check);

#endif
