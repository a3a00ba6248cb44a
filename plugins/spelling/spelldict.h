/* spelldict.h - one Hunspell dictionary ("en_US", "en_GB") as a process-wide
 * resource, with a cache of the words it was asked about and of its
 * suggestions.  libhunspell is not thread-safe: the plugin asks the host for
 * the object as a STMTLINT_RESOURCE_LOCKED resource and calls
 * spelldict_knows() and spelldict_suggest() only between
 * resource_acquire() and resource_release(). */
#ifndef SPELLING_SPELLDICT_H
#define SPELLING_SPELLDICT_H

#include <stddef.h>

typedef struct spelldict spelldict;

/* The most suggestions kept for a word (the message shows them all). */
#define SPELLDICT_MAX_SUGGESTIONS 5

/* Where a dictionary's two files are, as spelldict_locate() found them. */
typedef struct spelldict_files {
	char aff[4096];
	char dic[4096];
} spelldict_files;

/* Finds NAME.aff and NAME.dic (NAME such as "en_US") in the folders of
 * $DICPATH, then in the system's folders.  Returns 0 with the paths in
 * *files, or -1 with the folders searched written into `searched`. */
int spelldict_locate(const char *name, spelldict_files *files, char *searched,
                     size_t searchedlen);

/* The host's resource create(): arg is the spelldict_files of the
 * dictionary.  The dictionary itself is loaded on first use, so that a
 * configuration that never meets an unknown word never pays for it.
 * Returns the object, or NULL with a reason in why. */
void *spelldict_create(const char *key, void *arg, char *why, size_t whylen);
/* The host's resource destroy(): frees the dictionary and its cache. */
void spelldict_destroy(void *object);

/* 1 when the dictionary accepts `word` (UTF-8), 0 when it does not, -1
 * when the dictionary could not be loaded.  The answer is cached. */
int spelldict_knows(spelldict *d, const char *word);
/* Sets *out to at most SPELLDICT_MAX_SUGGESTIONS suggestions for `word`,
 * best first (owned by the cache: valid until spelldict_destroy()), and
 * returns how many; -1 when the dictionary could not be loaded or memory
 * ran out.  Computed once per word. */
int spelldict_suggest(spelldict *d, const char *word, const char *const **out);

#endif
