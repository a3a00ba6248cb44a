/* variants.c - U.S. and British spellings mixed in one draft (see variants.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "variants.h"
#include "wordscan.h"

enum side { SIDE_NONE = -1, SIDE_US = 0, SIDE_GB = 1 };
enum axis { AXIS_IZE = 0, AXIS_OTHER = 1, AXES = 2 };

static const char *const side_name[] = { "U.S.", "British" };

/* One use of a spelling of one side. */
typedef struct variant_use {
	size_t start, end;
	enum axis axis;
	enum side side;
	char word[VOCAB_WORD_MAX + 1];
	char counterpart[VOCAB_WORD_MAX + 1]; /* the other side's spelling, or "" */
} variant_use;

typedef struct tally {
	const stmtlint_host *host;
	const lexicon *lx;
	const vocab *defined;
	variant_use *uses;
	size_t n, cap;
	int failed;
} tally;

/* The other side's spelling of word into u (see lexicon_rewrite()). */
static int counterpart(tally *t, const char *word, int to_gb, variant_use *u)
{
	int ize = 0;
	int found = lexicon_rewrite(t->host, t->lx, word, to_gb, u->counterpart, &ize);

	u->axis = ize ? AXIS_IZE : AXIS_OTHER;
	return found;
}

/* The side and axis of a lower-case word, with its counterpart; SIDE_NONE
 * for a word both spellings share or one dictionary merely lacks.  -1 on
 * failure. */
static int classify(tally *t, const char *word, variant_use *u)
{
	int us = lexicon_dict_knows(t->host, t->lx, LEXICON_PRIMARY, word);
	int gb = lexicon_dict_knows(t->host, t->lx, LEXICON_SECONDARY, word);
	const char *pair = NULL;
	int found = 0;

	u->side = SIDE_NONE;
	u->axis = AXIS_OTHER;
	u->counterpart[0] = '\0';
	if (us < 0 || gb < 0)
		return -1;
	if (gb && !us) {
		if ((pair = pair_us_of(&t->lx->pairs, word)) == NULL)
			found = counterpart(t, word, 0, u);
		u->side = SIDE_GB;
	} else if (us) {
		/* "program" (both) and "labor" (U.S. only): a British form elsewhere */
		if ((pair = pair_gb_of(&t->lx->pairs, word)) == NULL)
			found = counterpart(t, word, 1, u);
		u->side = SIDE_US;
		/* a word both know is U.S. only by -ize ("organization") */
		if (found == 1 && gb && u->axis != AXIS_IZE)
			found = 0;
		if (found == 1 && gb &&
		    (found = lexicon_dict_knows(t->host, t->lx, LEXICON_PRIMARY, u->counterpart)) >= 0)
			found = !found;
	}
	if (found < 0)
		return -1;
	if (pair != NULL)
		snprintf(u->counterpart, sizeof(u->counterpart), "%s", pair);
	else if (!found)
		u->side = SIDE_NONE;
	return 0;
}

/* Whether the part is a word written in lower case, or capitalised at the
 * start of a sentence (a name keeps its own spelling). */
static int ordinary(const scan_word *w, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++) {
		unsigned char c = (unsigned char)w->text[i];

		if (c >= 0x80 || !isalpha(c))
			return 0;
		if (isupper(c) && !(i == a && a == 0 && w->sentence_start))
			return 0;
	}
	return 1;
}

static int count_part(void *arg, const scan_word *w, size_t a, size_t b)
{
	tally *t = arg;
	variant_use u;

	if (!ordinary(w, a, b) || b - a < 3)
		return 0;
	memcpy(u.word, w->text + a, b - a);
	u.word[b - a] = '\0';
	u.word[0] = (char)tolower((unsigned char)u.word[0]);
	if (vocab_has(&t->lx->words, u.word) || vocab_has(t->defined, u.word))
		return 0;
	if (classify(t, u.word, &u) != 0) {
		t->failed = 1;
		return -1;
	}
	if (u.side == SIDE_NONE)
		return 0;
	u.start = w->from[a];
	u.end = w->to[b - 1];
	if (isupper((unsigned char)w->text[a])) {
		u.word[0] = w->text[a];
		u.counterpart[0] = (char)toupper((unsigned char)u.counterpart[0]);
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		variant_use *p = realloc(t->uses, cap * sizeof(*p));

		if (p == NULL) {
			t->failed = 1;
			return -1;
		}
		t->uses = p;
		t->cap = cap;
	}
	t->uses[t->n++] = u;
	return 0;
}

static int count_word(void *arg, const scan_word *w)
{
	return scan_parts(w, count_part, arg);
}

/* Reports the uses of the minority side of one axis. */
static void report_axis(const stmtlint_host *host, stmtlint_ctx *ctx, const tally *t,
                        enum axis axis, size_t check)
{
	size_t count[2] = { 0, 0 };
	size_t first[2] = { SIZE_MAX, SIZE_MAX };
	enum side minority;
	const variant_use *major;
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (t->uses[i].axis != axis)
			continue;
		count[t->uses[i].side]++;
		if (first[t->uses[i].side] == SIZE_MAX)
			first[t->uses[i].side] = i;
	}
	if (count[SIDE_US] == 0 || count[SIDE_GB] == 0)
		return;
	/* the fewer; on a tie, the one that came second */
	if (count[SIDE_US] != count[SIDE_GB])
		minority = count[SIDE_US] < count[SIDE_GB] ? SIDE_US : SIDE_GB;
	else
		minority = first[SIDE_US] > first[SIDE_GB] ? SIDE_US : SIDE_GB;
	major = &t->uses[first[!minority]];
	for (i = 0; i < t->n; i++) {
		const variant_use *u = &t->uses[i];
		stmtlint_diag *d;

		if (u->axis != axis || u->side != minority)
			continue;
		d = host->report(ctx, check, u->start, u->end,
		                 "'%s' is the %s spelling, but this draft writes %s spellings %zu "
		                 "time%s against %zu%s%s%s", u->word, side_name[minority],
		                 side_name[!minority], count[!minority], count[!minority] == 1 ? "" : "s",
		                 count[minority], u->counterpart[0] ? ": write '" : "",
		                 u->counterpart, u->counterpart[0] ? "'" : "");
		host->note(d, major->start, major->end, "the first %s spelling, '%s'",
		           side_name[!minority], major->word);
		if (u->counterpart[0] != '\0')
			host->fix_titled(d, u->start, u->end, u->counterpart, NULL);
	}
}

int variants_check(const stmtlint_host *host, const lexicon *lx, stmtlint_ctx *ctx,
                   const stmtlint_doc *doc, const vocab *defined, size_t check)
{
	tally t = { host, lx, defined, NULL, 0, 0, 0 };
	int axis;

	if (lx->dict[LEXICON_SECONDARY] == NULL || !host->enabled(ctx, check))
		return 0;
	scan_words(host, doc, count_word, &t);
	if (!t.failed)
		for (axis = 0; axis < AXES; axis++)
			report_axis(host, ctx, &t, (enum axis)axis, check);
	free(t.uses);
	return t.failed ? -1 : 0;
}
