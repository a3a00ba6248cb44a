/* store.h - what a process loads once and shares: datasets (YAML files and
 * word lists that profiles name) and plugins' process-wide resources (a
 * Hunspell handle, say).  One store per session; everything in it lives
 * until store_free(), which runs before any plugin is unloaded. */
#ifndef STMTLINT_STORE_H
#define STMTLINT_STORE_H

#include <pthread.h>
#include <stddef.h>

#include "stmtlint/plugin.h"
#include "errlist.h"

typedef struct store store;

/* A plugin's process-wide object (the opaque stmtlint_resource of plugin.h). */
struct stmtlint_resource {
	char *key;
	void *object;
	void (*destroy)(void *object);
	unsigned flags;               /* STMTLINT_RESOURCE_* */
	pthread_mutex_t lock;         /* held between acquire and release when LOCKED */
	int abandoned;                /* a check stopped by the guard held it locked: the
	                                 object may be half-changed, acquire gives NULL */
};

/* A new, empty store, or NULL when out of memory. */
store *store_new(void);
/* Destroys every resource (in reverse order of creation) and frees every
 * dataset.  Accepts NULL. */
void store_free(store *st);

/* The dataset in file `real` (a resolved path): its YAML root, or for a
 * file ending in ".txt" a sequence of its words (one per non-empty line
 * not starting with '#').  Loaded the first time, then shared; a file
 * changed on disk since it was loaded is loaded again (the old tree stays
 * valid until store_free()).  NULL after [config] errors in err (an empty
 * YAML file is an empty mapping, never NULL). */
const struct stmtlint_node *store_dataset(store *st, const char *real, errlist *err);

/* The dataset made of the files `reals` (resolved paths), each loaded as
 * store_dataset() loads one: a sequence whose items are the files' roots,
 * in order (an empty sequence for no files).  Made once for the same
 * files, then shared, like the files themselves.  NULL after [config]
 * errors in err. */
const struct stmtlint_node *store_dataset_files(store *st, char *const *reals, size_t n,
                                                errlist *err);

/* The resource under `key`, made by create(key, arg, why, whylen) the first
 * time.  NULL, with why filled, when create fails or memory runs out. */
struct stmtlint_resource *store_resource(store *st, const char *key,
                                         void *(*create)(const char *key, void *arg, char *why,
                                                         size_t whylen),
                                         void (*destroy)(void *object), void *arg,
                                         unsigned flags, char *why, size_t whylen);

#endif
