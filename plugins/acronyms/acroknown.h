/*
 * acroknown.h - what the `acronyms` plugin knows before it reads a draft:
 * acronyms readers know (well-known), capitalised tokens that are no
 * acronyms, and the registry's bodies with their acronyms.  Built in
 * init(), read-only afterwards.
 */
#ifndef STMTLINT_ACROKNOWN_H
#define STMTLINT_ACROKNOWN_H

#include <stddef.h>

#include <stmtlint/plugin.h>

/* A registered name with one of its acronyms. */
typedef struct ak_pair {
	char *acronym;
	char *name;         /* as registered */
	char *key;          /* the name normalised (tc_normalize, folded) */
	int international;  /* a body of no government ("government: international") */
} ak_pair;

/* A sorted list of strings. */
typedef struct ak_set {
	char **items;
	size_t n;
	size_t cap;
} ak_set;

typedef struct acro_known {
	ak_set well_known;
	ak_set not_acronyms;
	ak_pair *pairs;     /* sorted by acronym */
	size_t n_pairs;
	size_t cap_pairs;
} acro_known;

/* Reads the registry dataset (its roots' keys well_known, not_acronyms,
 * country_codes and bodies; other keys are other readers').  0, or -1
 * after config_error. */
int ak_read_registry(const stmtlint_host *host, const stmtlint_options *opts,
                     const stmtlint_node *dataset, const char *name, acro_known *k);

/* Adds the strings of sequence `node` (NULL: none) to set.  0, or -1 after
 * config_error (an item that is no string, out of memory). */
int ak_add_strings(const stmtlint_host *host, const stmtlint_options *opts,
                   const stmtlint_node *node, const char *what, ak_set *set);

/* Adds s to a set (sorted later by ak_finish).  0, or -1 when out of memory. */
int ak_set_add(ak_set *set, const char *s);

/* Sorts what was added; call once, after the last add. */
void ak_finish(acro_known *k);

/* Whether s[0, len) is in the set. */
int ak_set_has(const ak_set *set, const char *s, size_t len);

/* Whether acronym s[0, len) is well known: listed, or a listed stem with
 * digits after it (COP26 for COP). */
int ak_is_well_known(const acro_known *k, const char *s, size_t len);

/* The pairs whose acronym is s[0, len) (compared without regard to case):
 * sets *n and returns the first, or returns NULL. */
const ak_pair *ak_pairs_of(const acro_known *k, const char *s, size_t len, size_t *n);

/* Frees what k holds (not k itself). */
void ak_free(acro_known *k);

#endif
