/* spelldict.c - a Hunspell dictionary with a cache of answers (see spelldict.h). */
#include <errno.h>
#include <hunspell.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spelldict.h"

/* The system's folders of Hunspell dictionaries, searched after $DICPATH
 * (the ones Debian, Fedora and a /usr/local install use). */
static const char *const system_dirs[] = {
	"/usr/local/share/hunspell", "/usr/share/hunspell", "/usr/share/myspell",
	"/usr/share/myspell/dicts",
};

/* The most distinct words cached per dictionary: an editor that runs for
 * days checks ever new words; past this, answers are computed each time. */
#define SPELLDICT_CACHE_MAX 500000

/* What the dictionary said about one word. */
typedef struct cached_word {
	char *word;
	int known;
	int n_suggestions;          /* -1 until computed */
	char **suggestions;
} cached_word;

struct spelldict {
	spelldict_files files;
	Hunhandle *hun;             /* NULL until first use */
	int load_failed;
	void *cache;                /* tsearch tree of cached_word */
	size_t n_cached;
};

/* Whether folder/NAME.aff and folder/NAME.dic are both readable; fills files. */
static int found_in(const char *folder, size_t folderlen, const char *name,
                    spelldict_files *files)
{
	int n = snprintf(files->aff, sizeof(files->aff), "%.*s/%s.aff", (int)folderlen, folder, name);
	int m = snprintf(files->dic, sizeof(files->dic), "%.*s/%s.dic", (int)folderlen, folder, name);

	return n > 0 && (size_t)n < sizeof(files->aff) && m > 0 && (size_t)m < sizeof(files->dic) &&
	       access(files->aff, R_OK) == 0 && access(files->dic, R_OK) == 0;
}

/* Appends ", folder" (or "folder" first) to searched, as room allows. */
static void add_searched(char *searched, size_t len, const char *folder, size_t folderlen)
{
	size_t used = strlen(searched);

	if (used < len)
		snprintf(searched + used, len - used, "%s%.*s", used ? ", " : "", (int)folderlen, folder);
}

int spelldict_locate(const char *name, spelldict_files *files, char *searched,
                     size_t searchedlen)
{
	const char *dicpath = getenv("DICPATH");
	size_t i;

	searched[0] = '\0';
	if (strchr(name, '/') != NULL || name[0] == '.' || name[0] == '\0') {
		snprintf(searched, searchedlen, "nothing: '%s' is no dictionary name", name);
		return -1;
	}
	while (dicpath != NULL && *dicpath != '\0') {
		const char *colon = strchr(dicpath, ':');
		size_t len = colon ? (size_t)(colon - dicpath) : strlen(dicpath);

		if (len > 0) {
			if (found_in(dicpath, len, name, files))
				return 0;
			add_searched(searched, searchedlen, dicpath, len);
		}
		dicpath = colon ? colon + 1 : NULL;
	}
	for (i = 0; i < sizeof(system_dirs) / sizeof(system_dirs[0]); i++) {
		if (found_in(system_dirs[i], strlen(system_dirs[i]), name, files))
			return 0;
		add_searched(searched, searchedlen, system_dirs[i], strlen(system_dirs[i]));
	}
	return -1;
}

void *spelldict_create(const char *key, void *arg, char *why, size_t whylen)
{
	spelldict *d = calloc(1, sizeof(*d));

	(void)key;
	if (d == NULL) {
		snprintf(why, whylen, "out of memory");
		return NULL;
	}
	d->files = *(const spelldict_files *)arg;
	return d;
}

static int cached_cmp(const void *a, const void *b)
{
	return strcmp(((const cached_word *)a)->word, ((const cached_word *)b)->word);
}

static void free_cached(void *p)
{
	cached_word *c = p;
	int i;

	for (i = 0; i < c->n_suggestions; i++)
		free(c->suggestions[i]);
	free(c->suggestions);
	free(c->word);
	free(c);
}

void spelldict_destroy(void *object)
{
	spelldict *d = object;

	if (d == NULL)
		return;
	tdestroy(d->cache, free_cached);
	if (d->hun != NULL)
		Hunspell_destroy(d->hun);
	free(d);
}

/* Loads the dictionary the first time it is needed; 0 or -1. */
static int loaded(spelldict *d)
{
	if (d->hun == NULL && !d->load_failed) {
		d->hun = Hunspell_create(d->files.aff, d->files.dic);
		d->load_failed = d->hun == NULL;
	}
	return d->hun != NULL ? 0 : -1;
}

/* The cache's entry for word, made (with its spelling answer) when new;
 * NULL when out of memory.  *scratch receives an entry the caller must free
 * with free_cached() when the cache is full (it is then not in the tree). */
static cached_word *entry_for(spelldict *d, const char *word, cached_word **scratch)
{
	cached_word probe = { (char *)word, 0, 0, NULL };
	cached_word **found = tfind(&probe, &d->cache, cached_cmp);
	cached_word *c;

	*scratch = NULL;
	if (found != NULL)
		return *found;
	c = calloc(1, sizeof(*c));
	if (c == NULL || (c->word = strdup(word)) == NULL) {
		free(c);
		return NULL;
	}
	c->known = Hunspell_spell(d->hun, word) != 0;
	c->n_suggestions = -1;
	if (d->n_cached >= SPELLDICT_CACHE_MAX || tsearch(c, &d->cache, cached_cmp) == NULL) {
		*scratch = c;
		return c;
	}
	d->n_cached++;
	return c;
}

int spelldict_knows(spelldict *d, const char *word)
{
	cached_word *scratch;
	cached_word *c;
	int known;

	if (loaded(d) != 0)
		return -1;
	c = entry_for(d, word, &scratch);
	if (c == NULL)
		return -1;
	known = c->known;
	if (scratch != NULL)
		free_cached(scratch);
	return known;
}

/* Fills c's suggestions from Hunspell; 0 or -1. */
static int compute_suggestions(spelldict *d, cached_word *c)
{
	char **list = NULL;
	int n = Hunspell_suggest(d->hun, &list, c->word);
	int keep = n < SPELLDICT_MAX_SUGGESTIONS ? n : SPELLDICT_MAX_SUGGESTIONS;
	int i;

	if (keep < 0)
		keep = 0;
	c->suggestions = calloc((size_t)keep + 1, sizeof(char *));
	for (i = 0; c->suggestions != NULL && i < keep; i++) {
		c->suggestions[i] = strdup(list[i]);
		if (c->suggestions[i] == NULL)
			break;
	}
	if (list != NULL)
		Hunspell_free_list(d->hun, &list, n);
	if (c->suggestions == NULL || i < keep) {
		while (c->suggestions != NULL && i > 0)
			free(c->suggestions[--i]);
		free(c->suggestions);
		c->suggestions = NULL;
		return -1;
	}
	c->n_suggestions = keep;
	return 0;
}

int spelldict_suggest(spelldict *d, const char *word, const char *const **out)
{
	cached_word *scratch;
	cached_word *c;

	*out = NULL;
	if (loaded(d) != 0)
		return -1;
	c = entry_for(d, word, &scratch);
	if (c == NULL)
		return -1;
	if (scratch != NULL) {
		/* the cache is full: no answer can outlive this call */
		free_cached(scratch);
		return 0;
	}
	if (c->n_suggestions < 0 && compute_suggestions(d, c) != 0)
		return -1;
	*out = (const char *const *)c->suggestions;
	return c->n_suggestions;
}
