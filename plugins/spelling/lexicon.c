/* lexicon.c - what the spelling plugin knows and suggests (see lexicon.h). */
#include <ctype.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

/* The short words that drafts run into the next word ("ofthe", "aplan"):
 * a part of a run-together word shorter than three letters must be one. */
static const char *const short_words[] = {
	"a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
	"no", "of", "on", "or", "so", "to", "up", "us", "we",
};

/* The commonest words, which drafts run into their neighbours
 * ("tothe", "thepolar", "thoseused"): a split with one of them is two
 * words run together even when one word is a slip away ("tote"). */
static const char *const function_words[] = {
	"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its",
	"of", "on", "or", "that", "the", "their", "these", "this", "those", "to", "we",
	"which", "will", "with",
};

/* The farthest suggestion shown: two wrong letters, or three slips. */
#define SHOWN_DISTANCE_MAX (2 * WRONG_LETTER_COST)

/* Words shorter than this have no other side: "pre" is no "per". */
#define REWRITE_MIN_LENGTH 5

/* The longest word whose answer is cached. */
#define LEXICON_PROBE_MAX 127

/* The length of word below which a misspelling is clear with one edit,
 * and from which two edits still are. */
#define CLEAR_TWO_EDITS_FROM 8

/* The most answers a configuration keeps (each a word and a byte). */
#define ANSWERS_MAX 200000

static int answer_cmp(const void *a, const void *b)
{
	return strcmp((const char *)a + 1, (const char *)b + 1);
}

answer_cache *lexicon_answers_new(void)
{
	answer_cache *a = calloc(1, sizeof(*a));

	if (a != NULL && pthread_rwlock_init(&a->lock, NULL) != 0) {
		free(a);
		return NULL;
	}
	return a;
}

void lexicon_answers_free(answer_cache *a)
{
	int i;

	if (a == NULL)
		return;
	for (i = 0; i < LEXICON_DICTS; i++)
		tdestroy(a->tree[i], free);
	pthread_rwlock_destroy(&a->lock);
	free(a);
}

/* The cached answer of dictionary `which` for word: 1, 0, or -1 when none. */
static int cached_answer(answer_cache *a, int which, const char *word)
{
	char probe[LEXICON_PROBE_MAX + 2];
	size_t len = strlen(word);
	char **found;
	int known = -1;

	if (a == NULL || len > LEXICON_PROBE_MAX)
		return -1;
	probe[0] = '?';
	memcpy(probe + 1, word, len + 1);
	pthread_rwlock_rdlock(&a->lock);
	found = tfind(probe, &a->tree[which], answer_cmp);
	if (found != NULL)
		known = (*found)[0] == '1';
	pthread_rwlock_unlock(&a->lock);
	return known;
}

static void remember_answer(answer_cache *a, int which, const char *word, int known)
{
	size_t len = strlen(word);
	char *entry;

	if (a == NULL || len > LEXICON_PROBE_MAX || (entry = malloc(len + 2)) == NULL)
		return;
	entry[0] = known ? '1' : '0';
	memcpy(entry + 1, word, len + 1);
	pthread_rwlock_wrlock(&a->lock);
	if (a->n < ANSWERS_MAX) {
		char **at = tsearch(entry, &a->tree[which], answer_cmp);

		if (at != NULL && *at == entry) {
			a->n++;
			entry = NULL;
		}
	}
	pthread_rwlock_unlock(&a->lock);
	free(entry);   /* NULL when kept */
}

int lexicon_dict_knows(const stmtlint_host *host, const lexicon *lx, int which, const char *word)
{
	spelldict *d;
	int known;

	if (lx->dict[which] == NULL)
		return 0;
	known = cached_answer(lx->answers, which, word);
	if (known >= 0)
		return known;
	d = host->resource_acquire(lx->dict[which]);
	known = d != NULL ? spelldict_knows(d, word) : -1;
	host->resource_release(lx->dict[which]);
	if (known >= 0)
		remember_answer(lx->answers, which, word, known);
	return known;
}

int lexicon_knows(const stmtlint_host *host, const lexicon *lx, const vocab *more, const char *word)
{
	int known;

	if (vocab_has(&lx->words, word) || (more != NULL && vocab_has(more, word)))
		return 1;
	known = lexicon_dict_knows(host, lx, LEXICON_PRIMARY, word);
	if (known == 0)
		known = lexicon_dict_knows(host, lx, LEXICON_SECONDARY, word);
	return known;
}

int lexicon_knows_name(const stmtlint_host *host, const lexicon *lx, const vocab *more,
                       const char *word)
{
	if (vocab_has(&lx->words, word) || (more != NULL && vocab_has(more, word)))
		return 1;
	return lexicon_dict_knows(host, lx, LEXICON_PRIMARY, word);
}

/* Whether s[0, len) is one of list[0, n). */
static int listed(const char *const *list, size_t n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncmp(list[i], s, len) == 0)
			return 1;
	return 0;
}

static int short_word(const char *s, size_t len)
{
	return listed(short_words, sizeof(short_words) / sizeof(short_words[0]), s, len);
}

int lexicon_function_word(const char *s, size_t len)
{
	return listed(function_words, sizeof(function_words) / sizeof(function_words[0]), s, len);
}

int lexicon_part_known(const stmtlint_host *host, const lexicon *lx, const vocab *more,
                      const char *s, size_t len)
{
	char part[VOCAB_WORD_MAX + 1];

	if (len < 3 && !short_word(s, len))
		return 0;
	memcpy(part, s, len);
	part[len] = '\0';
	return lexicon_knows(host, lx, more, part);
}

int lexicon_split(const stmtlint_host *host, const lexicon *lx, const vocab *more,
                  const char *word, size_t *at)
{
	size_t len = strlen(word);
	size_t best_shorter = 0;
	size_t k;
	int ways = 0;

	if (len > VOCAB_WORD_MAX)
		return 0;
	for (k = 1; k < len; k++) {
		int left;
		int right;
		size_t shorter = k < len - k ? k : len - k;

		if (((unsigned char)word[k] & 0xC0) == 0x80)
			continue;
		left = lexicon_part_known(host, lx, more, word, k);
		right = left == 1 ? lexicon_part_known(host, lx, more, word + k, len - k) : 0;
		if (left < 0 || right < 0)
			return -1;
		if (left == 1 && right == 1) {
			ways++;
			if (shorter > best_shorter) {
				best_shorter = shorter;
				*at = k;
			}
		}
	}
	return ways;
}

/* What an edit costs in edit_distance(): a letter dropped, doubled or two
 * letters swapped are the usual slips, a wrong letter a little less so
 * ("recieve" is "receive" before it is "relieve"). */
#define EDIT_COST LEXICON_ONE_SLIP
#define WRONG_LETTER_COST 3
/* The distance past which words are all alike here. */
#define DISTANCE_CAP 99

/* The optimal string alignment distance of a and b with the costs above,
 * ASCII letters compared without case. */
static int edit_distance(const char *a, const char *b)
{
	enum { MAX = VOCAB_WORD_MAX * 2 + 1 };
	int d[3][MAX + 1];
	size_t la = strlen(a);
	size_t lb = strlen(b);
	size_t i;
	size_t j;

	if (la > MAX || lb > MAX)
		return DISTANCE_CAP;
	for (j = 0; j <= lb; j++)
		d[0][j] = (int)j * EDIT_COST;
	for (i = 1; i <= la; i++) {
		int *row = d[i % 3];
		const int *up = d[(i - 1) % 3];
		const int *up2 = d[(i + 1) % 3];

		row[0] = (int)i * EDIT_COST;
		for (j = 1; j <= lb; j++) {
			int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
			int v = up[j] + EDIT_COST;

			if (row[j - 1] + EDIT_COST < v)
				v = row[j - 1] + EDIT_COST;
			if (up[j - 1] + (same ? 0 : WRONG_LETTER_COST) < v)
				v = up[j - 1] + (same ? 0 : WRONG_LETTER_COST);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    up2[j - 2] + EDIT_COST < v)
				v = up2[j - 2] + EDIT_COST;
			row[j] = v;
		}
	}
	return d[la % 3][lb] < DISTANCE_CAP ? d[la % 3][lb] : DISTANCE_CAP;
}

/* Adds the suggestions of dictionary `which` not yet in out; 0 or -1. */
static int gather(const stmtlint_host *host, const lexicon *lx, int which, const char *word,
                  suggestions *out, int *distance)
{
	const char *const *list;
	spelldict *d;
	int n;
	int i;

	if (lx->dict[which] == NULL)
		return 0;
	d = host->resource_acquire(lx->dict[which]);
	n = d != NULL ? spelldict_suggest(d, word, &list) : -1;
	for (i = 0; i < n && out->n < SPELLDICT_MAX_SUGGESTIONS; i++) {
		int k;
		int dup = 0;

		for (k = 0; k < out->n && !dup; k++)
			dup = strcmp(out->word[k], list[i]) == 0;
		if (dup || strlen(list[i]) >= sizeof(out->word[0]))
			continue;
		strcpy(out->word[out->n], list[i]);
		/* a lower-case word is meant lower-case ("center", not "Center") before a name */
		distance[out->n] = edit_distance(word, list[i]) +
		                   (word[0] != list[i][0] && tolower((unsigned char)word[0]) ==
		                                                 tolower((unsigned char)list[i][0])
		                        ? WRONG_LETTER_COST : 0) +
		                   /* a slip seldom hits the first letter; two words are a
		                      split, which lexicon_split() offers when meant */
		                   (tolower((unsigned char)word[0]) != tolower((unsigned char)list[i][0])) +
		                   (strpbrk(list[i], " -") != NULL ? EDIT_COST : 0);
		out->n++;
	}
	host->resource_release(lx->dict[which]);
	return n < 0 ? -1 : 0;
}

/* Sorts out's suggestions closest first (the dictionaries' order among
 * equals) and works out close and clear. */
static void rank(const char *word, suggestions *out)
{
	int *distance = out->distance;
	int i;
	int j;

	for (i = 1; i < out->n; i++) {
		char held[sizeof(out->word[0])];
		int dist = distance[i];

		strcpy(held, out->word[i]);
		for (j = i; j > 0 && distance[j - 1] > dist; j--) {
			strcpy(out->word[j], out->word[j - 1]);
			distance[j] = distance[j - 1];
		}
		strcpy(out->word[j], held);
		distance[j] = dist;
	}
	/* what is farther than two slips, or a slip farther than the closest,
	   is noise ("goverment": "overgarment"), and what Hunspell finds of it
	   depends on its clock (it stops searching after a time): left out */
	while (out->n > 0 && (distance[out->n - 1] > SHOWN_DISTANCE_MAX ||
	                      distance[out->n - 1] > distance[0] + EDIT_COST))
		out->n--;
	out->close = out->n > 0 && strpbrk(out->word[0], " -") == NULL &&
	             (distance[0] <= WRONG_LETTER_COST ||
	              (distance[0] <= 2 * WRONG_LETTER_COST && strlen(word) >= CLEAR_TWO_EDITS_FROM));
	out->clear = out->close && (out->n == 1 || distance[1] > distance[0]);
}

int lexicon_suggest(const stmtlint_host *host, const lexicon *lx, const char *word,
                    suggestions *out)
{
	out->n = 0;
	out->clear = 0;
	out->close = 0;
	if (!lx->suggestions)
		return 0;
	if (gather(host, lx, LEXICON_PRIMARY, word, out, out->distance) != 0)
		return -1;
	rank(word, out);
	/* the second dictionary (British under en) only when the first has no
	   clear answer: suggestions cost tens of milliseconds a word */
	if (!out->clear && lx->dict[LEXICON_SECONDARY] != NULL) {
		if (gather(host, lx, LEXICON_SECONDARY, word, out, out->distance) != 0)
			return -1;
		rank(word, out);
	}
	return 0;
}

/* How U.S. and British spellings of one word differ: the U.S. letters
 * and the British ones ("labor"/"labour", "center"/"centre",
 * "defense"/"defence", "traveler"/"traveller", "fulfill"/"fulfil",
 * "catalog"/"catalogue", "analyze"/"analyse", "gray"/"grey",
 * "aging"/"ageing", "judgment"/"judgement"), and -ize/-ise, counted apart.
 * A word only one dictionary knows is a spelling of one side only when
 * one of these turns it into a word only the other knows: "cyber" or
 * "militaries", which one dictionary merely lacks, are no variants. */
static const struct rewrite {
	const char *us;
	const char *gb;
	int ize;                    /* -ize/-ise, counted apart */
} rewrites[] = {
	{ "iz", "is", 1 }, { "or", "our", 0 }, { "er", "re", 0 },
	{ "ense", "ence", 0 }, { "l", "ll", 0 }, { "ll", "l", 0 },
	{ "og", "ogue", 0 }, { "yz", "ys", 0 }, { "ay", "ey", 0 },
	{ "ag", "age", 0 }, { "gm", "gem", 0 },
};

int lexicon_rewrite(const stmtlint_host *host, const lexicon *lx, const char *word, int to_gb,
                    char *out, int *ize)
{
	int other = to_gb ? LEXICON_SECONDARY : LEXICON_PRIMARY;
	size_t len = strlen(word);
	size_t r;

	if (len < REWRITE_MIN_LENGTH)
		return 0;
	for (r = 0; r < sizeof(rewrites) / sizeof(rewrites[0]); r++) {
		const char *from = to_gb ? rewrites[r].us : rewrites[r].gb;
		const char *to = to_gb ? rewrites[r].gb : rewrites[r].us;
		size_t fl = strlen(from);
		size_t tl = strlen(to);
		const char *p = word;

		while ((p = strstr(p, from)) != NULL) {
			size_t at = (size_t)(p - word);
			int known;

			if (len - fl + tl <= VOCAB_WORD_MAX) {
				memcpy(out, word, at);
				memcpy(out + at, to, tl);
				strcpy(out + at + tl, p + fl);
				known = lexicon_dict_knows(host, lx, other, out);
				if (known != 0) {
					*ize = rewrites[r].ize;
					return known;
				}
			}
			p++;
		}
	}
	return 0;
}
