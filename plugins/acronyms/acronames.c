/*
 * acronames.c - where a draft names a registered body in full (see
 * acronames.h).
 */
#include <string.h>
#include <strings.h>

#include "acronames.h"

/* Bytes of the word before a name that are compared with the lists. */
#define MAX_WORD_BYTES 16

/* Words that stand right before a body's own name: its government's
 * ("U.S.", "US", "United States", "Japan", "Japanese", "American"), the
 * White House's and the United Nations'. */
static const char *const qualifiers[] = {
	"us", "s", "states", "japan", "japanese", "american", "house", "nations", "un", "usa",
};

/* Words written with a capital at the start of a sentence or heading,
 * which make no name longer. */
static const char *const function_words[] = {
	"a", "an", "and", "as", "at", "between", "both", "by", "for", "from", "in", "including",
	"its", "of", "on", "or", "our", "said", "that", "the", "their", "these", "this", "through",
	"to", "under", "while", "with",
};

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static int listed(const char *w, size_t len, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncasecmp(list[i], w, len) == 0)
			return 1;
	return 0;
}

#define LISTED(w, len, list) listed((w), (len), (list), sizeof(list) / sizeof(*(list)))

/* Whether prose[start, end) is written in capitals and digits only. */
static int all_capitals(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
	return 1;
}

int an_tail_of_other(const stmtlint_doc *doc, size_t start)
{
	const char *p = doc->prose;
	size_t end = start;
	size_t from;

	while (end > 0 && is_space(p[end - 1]))
		end--;
	if (end == start || end == 0)
		return 0;   /* no white space before the name: punctuation, or the start */
	if (p[end - 1] == '.' && end >= 2 && p[end - 2] >= 'A' && p[end - 2] <= 'Z')
		end--;      /* an abbreviation's full stop: "U.S." */
	for (from = end; from > 0 && is_alnum(p[from - 1]); from--)
		;
	if (from == end || !(p[from] >= 'A' && p[from] <= 'Z'))
		return 0;   /* punctuation, a possessive "'s", or a word in lower case */
	if (end - from > MAX_WORD_BYTES)
		return 1;
	return !LISTED(p + from, end - from, qualifiers) &&
	       !LISTED(p + from, end - from, function_words) &&
	       !(end - from >= 2 && all_capitals(p + from, end - from));
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The end of `name` written at prose[i] (case aside, any white space for a
 * space), or 0. */
static size_t name_at(const stmtlint_doc *doc, size_t i, const char *name)
{
	size_t k;

	for (k = 0; name[k]; k++) {
		if (name[k] == ' ') {
			if (i >= doc->length || !is_space(doc->prose[i]))
				return 0;
			while (i < doc->length && is_space(doc->prose[i]))
				i++;
			continue;
		}
		if (i >= doc->length || lower(doc->prose[i]) != lower(name[k]))
			return 0;
		i++;
	}
	return i < doc->length && is_alnum(doc->prose[i]) ? 0 : i;
}

size_t an_find_name(const stmtlint_doc *doc, const char *name, size_t *end)
{
	size_t i;

	*end = 0;
	for (i = 0; i < doc->length; i++) {
		if (lower(doc->prose[i]) != lower(name[0]) || (i > 0 && is_alnum(doc->prose[i - 1])))
			continue;
		*end = name_at(doc, i, name);
		if (*end && !an_tail_of_other(doc, i))
			return i;
		*end = 0;
	}
	return 0;
}
