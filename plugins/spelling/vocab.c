/* vocab.c - a set of words (see vocab.h). */
#include <ctype.h>
#include <errno.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vocab.h"

static int word_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

int vocab_add(vocab *v, const char *s, size_t len)
{
	char *copy;
	char **at;

	if (len == 0 || len > VOCAB_WORD_MAX)
		return 0;
	copy = strndup(s, len);
	if (copy == NULL)
		return -1;
	at = tsearch(copy, &v->root, word_cmp);
	if (at == NULL) {
		free(copy);
		return -1;
	}
	if (*at != copy)
		free(copy);
	else
		v->n++;
	return 0;
}

/* Whether byte c may be part of a word of a name: anything but ASCII
 * white space and punctuation other than the apostrophe and the hyphen
 * (bytes of UTF-8 sequences are part of words). */
static int name_byte(unsigned char c)
{
	return c >= 0x80 || isalnum(c) || c == '\'' || c == '-';
}

/* Whether s[0, len) holds only lower-case ASCII letters, apostrophes and
 * hyphens. */
static int plain_lower(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!islower((unsigned char)s[i]) && s[i] != '\'' && s[i] != '-')
			return 0;
	return 1;
}

static int add_words(vocab *v, const char *name, int proper_only)
{
	const char *p = name;

	while (*p != '\0') {
		const char *start;
		const char *q;

		while (*p != '\0' && !name_byte((unsigned char)*p))
			p++;
		start = p;
		while (name_byte((unsigned char)*p))
			p++;
		if (p == start || (proper_only && plain_lower(start, (size_t)(p - start))))
			continue;
		if (vocab_add(v, start, (size_t)(p - start)) != 0)
			return -1;
		/* and each part of a hyphenated compound */
		for (q = start; memchr(start, '-', (size_t)(p - start)) != NULL && q < p;) {
			const char *dash = memchr(q, '-', (size_t)(p - q));
			const char *end = dash ? dash : p;

			if (!(proper_only && plain_lower(q, (size_t)(end - q))) &&
			    vocab_add(v, q, (size_t)(end - q)) != 0)
				return -1;
			q = end + 1;
		}
	}
	return 0;
}

int vocab_add_words_of(vocab *v, const char *name)
{
	return add_words(v, name, 0);
}

int vocab_add_proper_words_of(vocab *v, const char *name)
{
	return add_words(v, name, 1);
}

int vocab_read_file(vocab *v, const char *path, char *why, size_t whylen)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int rc = 0;

	if (f == NULL) {
		snprintf(why, whylen, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	while (rc == 0 && (got = getline(&line, &cap, f)) >= 0) {
		char *s = line;
		size_t len = (size_t)got;

		while (len > 0 && isspace((unsigned char)s[len - 1]))
			len--;
		while (len > 0 && isspace((unsigned char)*s)) {
			s++;
			len--;
		}
		if (len > 0 && *s != '#' && vocab_add(v, s, len) != 0) {
			snprintf(why, whylen, "out of memory reading %s", path);
			rc = -1;
		}
	}
	if (rc == 0 && ferror(f)) {
		snprintf(why, whylen, "cannot read %s", path);
		rc = -1;
	}
	free(line);
	fclose(f);
	return rc;
}

/* Whether word, or word without a final "s", is in the set as written. */
static int has_form(const vocab *v, char *word, size_t len)
{
	if (tfind(word, &v->root, word_cmp) != NULL)
		return 1;
	if (len > 3 && word[len - 1] == 's') {
		int found;

		word[len - 1] = '\0';
		found = tfind(word, &v->root, word_cmp) != NULL;
		word[len - 1] = 's';
		return found;
	}
	return 0;
}

int vocab_has(const vocab *v, const char *word)
{
	char copy[VOCAB_WORD_MAX + 1];
	size_t len = strlen(word);

	if (v->root == NULL || len == 0 || len > VOCAB_WORD_MAX)
		return 0;
	memcpy(copy, word, len + 1);
	if (has_form(v, copy, len))
		return 1;
	/* "Cybersecurity" at the start of a sentence or in a title */
	if (isupper((unsigned char)copy[0])) {
		copy[0] = (char)tolower((unsigned char)copy[0]);
		return has_form(v, copy, len);
	}
	return 0;
}

static void free_word(void *p)
{
	free(p);
}

void vocab_free(vocab *v)
{
	tdestroy(v->root, free_word);
	v->root = NULL;
	v->n = 0;
}
