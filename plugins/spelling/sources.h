/* sources.h - where the spelling plugin's words come from, read once in
 * init(): the word lists the profile declares as datasets, the agencies
 * registry, the profile's `words` option and the configuration's
 * `dictionaries:` files; and the pairs of U.S. and British spellings. */
#ifndef SPELLING_SOURCES_H
#define SPELLING_SOURCES_H

#include "stmtlint/plugin.h"
#include "vocab.h"

/* The datasets read as word lists (a .txt file, or a YAML sequence of
 * words), when the profile declares them. */
#define SOURCES_WORDS_DATASET "spelling-words"
#define SOURCES_NAMES_DATASET "spelling-names"
/* The dataset of U.S./British pairs: lines "program programme". */
#define SOURCES_VARIANTS_DATASET "spelling-variants"
/* The registry of governments' bodies (issue 12's schema). */
#define SOURCES_AGENCIES_DATASET "agencies"

/* One U.S. spelling and its British counterpart. */
typedef struct spelling_pair {
	char *us;
	char *gb;
} spelling_pair;

/* The pairs, sorted twice for lookups either way. */
typedef struct pair_table {
	spelling_pair *by_us;       /* owns the strings */
	spelling_pair *by_gb;       /* the same strings, sorted by gb */
	size_t n;
} pair_table;

/* Adds every word of every source to v.  Returns 0, or -1 after reporting
 * why through host->config_error(). */
int sources_read_words(const stmtlint_host *host, const stmtlint_options *opts, vocab *v);
/* Reads the pairs dataset into t (empty when the profile declares none).
 * Returns 0, or -1 after reporting why. */
int sources_read_pairs(const stmtlint_host *host, const stmtlint_options *opts, pair_table *t);
/* The British counterpart of U.S. spelling `us`, or NULL. */
const char *pair_gb_of(const pair_table *t, const char *us);
/* The U.S. counterpart of British spelling `gb`, or NULL. */
const char *pair_us_of(const pair_table *t, const char *gb);
void pair_table_free(pair_table *t);

#endif
