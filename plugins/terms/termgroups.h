/*
 * termgroups.h - the groups of variant forms the `terms` plugin knows: read
 * from the rule data, indexed by their normalised spelling, and turned into
 * one pattern that finds any of them.
 */
#ifndef STMTLINT_TERMGROUPS_H
#define STMTLINT_TERMGROUPS_H

#include <stddef.h>

#include <stmtlint/plugin.h>

typedef struct term_form {
	char *exact;     /* as the data writes it, normalised: white space runs as one
	                    space, U+2010/U+2011 as '-' */
	char *folded;    /* `exact`, case-folded */
	size_t group;
} term_form;

typedef struct term_group {
	size_t first;    /* its forms are forms[first, first + n) */
	size_t n;
	long preferred;  /* index into forms, or -1: keep the form a draft uses most */
} term_group;

/* Buckets of forms by a hash of the first two bytes of their folded
 * spelling (any two bytes may share one: a bucket is a list to try). */
#define TG_BUCKETS 1024

typedef struct term_table {
	term_form *forms;
	size_t n_forms;
	size_t cap_forms;
	term_group *groups;
	size_t n_groups;
	size_t cap_groups;
	/* Built by tg_index(): the forms to try at a place, longest first, one
	 * of each set that differs only in case: order[bucket[b], bucket[b+1])
	 * for the bucket b of the place's first two bytes. */
	size_t *order;
	size_t bucket[TG_BUCKETS + 1];
} term_table;

/* Adds the groups of `node`, a sequence of mappings {forms: [...],
 * preferred: FORM}, to table.  A form already in another group is an error
 * (a match must belong to one group).  Returns 0, or -1 after config_error. */
int tg_read_groups(const stmtlint_host *host, const stmtlint_options *opts,
                   const stmtlint_node *node, term_table *table);

/* Makes `form` the preferred form of the group that holds it.  Returns 0,
 * or -1 after config_error when no group holds it. */
int tg_prefer(const stmtlint_host *host, const stmtlint_options *opts, term_table *table,
              const char *form, const stmtlint_node *at);

/* Builds the index tg_match() uses; call once, after the last group.
 * Returns 0, or -1 when out of memory. */
int tg_index(term_table *table);

/* The form (one of those that differ only in case) whose folded spelling
 * is written at text[at] as whole words, the longest one: a space matches
 * any run of white space, a hyphen also U+2010 and U+2011, letters in any
 * case.  Sets *end and returns the form's index, or returns -1. */
long tg_match(const stmtlint_host *host, const term_table *table, const char *text,
              size_t length, size_t at, size_t *end);

/* The index of the form whose `exact` (fold 0) or `folded` (fold 1) equals
 * key, searching from form `from` on; -1 when none. */
long tg_find(const term_table *table, const char *key, int fold, size_t from);

/* Frees what the table holds (not the table itself). */
void tg_free(term_table *table);

#endif
