/*
 * datecontext.c - reads the words around each date of a draft.
 *
 * A date is tied to a meeting that took place only when one clause joins
 * it to a past-tense meeting verb: "met on 2 June", "was held in Tokyo on
 * June 9", "On June 9, 2011, the meeting was held".  A participle ("the
 * summit on October 4 hosted by Canada"), a verb after "be" ("will be
 * held"), a clause about the future ("look forward to", "will") and a date
 * that names a document ("the 12 May action plan") are not.  Clauses end at
 * ';', ':', brackets and at a comma before a word that opens a new clause
 * ("which", "and", "while" ...).  Every look-around is bounded by
 * CONTEXT_MAX_WORDS, so the pass is linear in the draft.
 */
#include <string.h>

#include "datecontext.h"

/* Most words looked at on each side of a date for its clause. */
#define CONTEXT_MAX_WORDS 60
/* Most words between a meeting verb and the date it governs ("met in New
 * Delhi, India on January 30-31"). */
#define TIE_MAX_WORDS 12
/* Most words besides the date in a byline ("20 May 2023, Hiroshima"). */
#define BYLINE_MAX_WORDS 4

/* Words that make the clause speak of the future or of plans. */
static const char *const future_words[] = {
	"will", "shall", "would", "next", "upcoming", "forthcoming", "future", "planned",
	"planning", "schedule", "scheduled", "expect", "expects",
	"expected", "intend", "intends", "intended", "anticipate", "anticipates",
	"anticipated", "forward", "ahead", NULL
};

/* Words that, in the clause before a date, make it a day of the past. */
static const char *const past_words[] = {
	"was", "were", "had", "did", "ago", "last", "recently", "previously", "earlier",
	"since", NULL
};

/* Prepositions that make a date the time of a verb ("met on", "held in"). */
static const char *const time_prepositions[] = {
	"on", "from", "between", "in", "during", NULL
};

/* Words before a date that make it the name of a thing ("the 12 May plan"). */
static const char *const determiners[] = {
	"the", "a", "an", "this", "that", "these", "those", "its", "our", "their", "his",
	"her", "your", "whose", NULL
};

/* Words after a date that do not make it a modifier of a noun. */
static const char *const not_nouns[] = {
	"in", "at", "on", "and", "or", "to", "with", "when", "where", "which", "that", "as",
	"by", "for", "from", "of", "between", "during", "until", "through", "the", "a",
	"an", "was", "were", "is", "are", "will", "would", "has", "have", "had", "we",
	"they", "it", "he", "she", "both", "all", "each", "after", "before", "while", NULL
};

/* Words that, after a comma, open a new clause. */
static const char *const clause_openers[] = {
	"which", "where", "who", "whom", "whose", "while", "whilst", "whereas", "but", "and",
	"or", "although", "though", "when", "as", "after", "before", "because",
	"including", "following", NULL
};

/* Words that open a relative clause. */
static const char *const relative_pronouns[] = {
	"who", "which", "that", NULL
};

/* Forms of "be" and auxiliaries before a participle. */
static const char *const be_forms[] = {
	"be", "being", "been", "is", "are", "was", "were", NULL
};
static const char *const perfect_or_passive[] = {
	"was", "were", "been", "has", "have", "had", NULL
};

/* Past tenses that say a meeting took place by themselves (intransitive). */
static const char *const meeting_verbs[] = {
	"met", "gathered", "convened", "reconvened", "assembled", "visited", "spoke",
	"talked", NULL
};

/* Meeting verbs of a call, which "by" does not make participles ("spoke by
 * telephone"). */
static const char *const call_verbs[] = {
	"spoke", "talked", NULL
};

/* Verbs that are past tense only with an auxiliary or an object ("held a
 * meeting", "was held"); alone they are participles ("the summit held in"). */
static const char *const transitive_meeting_verbs[] = {
	"held", "hosted", "co-hosted", "co-chaired", "chaired", NULL
};

/* Objects that make "held" or "hosted" a past tense. */
static const char *const meeting_objects[] = {
	"a", "an", "the", "their", "its", "our", "his", "her", "talks", "discussions",
	"consultations", "meetings", "bilateral", "trilateral", NULL
};

/* ---- words ------------------------------------------------------------ */

/* Index of the first word that starts at or after pos. */
static size_t word_at_or_after(const stmtlint_doc *doc, size_t pos)
{
	size_t lo = 0, hi = doc->n_words;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (doc->words[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int is_word(const stmtlint_doc *doc, size_t i, const char *w)
{
	return i < doc->n_words && words_equal(doc->text, doc->words[i], w);
}

static int is_word_in(const stmtlint_doc *doc, size_t i, const char *const *list)
{
	return i < doc->n_words && word_in(doc->text, doc->words[i], list);
}

/* Whether the bytes [start, end) of the prose hold any of `marks`. */
static int gap_has(const stmtlint_doc *doc, size_t start, size_t end, const char *marks)
{
	size_t i;

	for (i = start; i < end; i++) {
		if (strchr(marks, doc->prose[i]) != NULL)
			return 1;
	}
	return 0;
}

/* Whether a clause ends between word i - 1 and word i. */
static int clause_break_before(const stmtlint_doc *doc, size_t i)
{
	size_t gap_start = doc->words[i - 1].end, gap_end = doc->words[i].start;

	if (gap_has(doc, gap_start, gap_end, ";:()[]"))
		return 1;
	return gap_has(doc, gap_start, gap_end, ",") && is_word_in(doc, i, clause_openers);
}

/* ---- verbs ------------------------------------------------------------ */

/* Whether word v of the clause [first, limit) is a past-tense meeting verb
 * (with its "place" for "took place"). */
static int is_past_meeting_verb(const stmtlint_doc *doc, size_t v, size_t first, size_t limit,
                                size_t date_word)
{
	int has_prev = v > first, has_next = v + 1 < limit;
	size_t prev = v - 1, next = v + 1;

	if (has_prev && (is_word(doc, prev, "be") || is_word(doc, prev, "being") ||
	                 is_word(doc, prev, "to")))
		return 0;
	if (is_word(doc, v, "took") || is_word(doc, v, "taken"))
		return has_next && is_word(doc, next, "place") &&
		       (is_word(doc, v, "took") || (has_prev && is_word_in(doc, prev, perfect_or_passive)));
	if (is_word_in(doc, v, meeting_verbs)) {
		if (has_prev && is_word_in(doc, prev, be_forms))
			return !is_word(doc, v, "met") && is_word_in(doc, prev, perfect_or_passive);
		/* "convened by the co-chairs" is a participle; "spoke by telephone" is not */
		return !(has_next && is_word(doc, next, "by") && !is_word_in(doc, v, call_verbs));
	}
	if (!is_word_in(doc, v, transitive_meeting_verbs))
		return 0;
	if (has_prev && is_word_in(doc, prev, perfect_or_passive))
		return 1;
	if (!has_next || next == date_word)
		return 0;
	if (is_word_in(doc, next, meeting_objects))
		return 1;
	/* a proper name as the object: "hosted Prime Minister X" */
	return doc->text[doc->words[next].start] >= 'A' && doc->text[doc->words[next].start] <= 'Z';
}

/* Whether any word of [from, to) is in the list. */
static int any_word_in(const stmtlint_doc *doc, size_t from, size_t to, const char *const *list)
{
	size_t i;

	for (i = from; i < to; i++) {
		if (is_word_in(doc, i, list))
			return 1;
	}
	return 0;
}

/* The words of one date and the clause around it. */
struct clause {
	size_t first, limit;     /* the clause's words [first, limit) */
	size_t date_first;       /* the date's first word */
	size_t date_limit;       /* the first word after the date */
};

/* Whether the date is introduced by a preposition of time, or follows the
 * verb at v directly ("met June 9"). */
static int date_governed_by(const stmtlint_doc *doc, const struct clause *c, size_t v)
{
	size_t before = c->date_first - 1;

	if (c->date_first == 0 || before < c->first)
		return 0;
	/* "met on the 25th of November" */
	if (is_word(doc, before, "the") && before > c->first)
		before--;
	return before == v || is_word_in(doc, before, time_prepositions);
}

/* Whether word i looks like a past tense: "agreed", "signed" (not a name
 * such as "United"). */
static int ends_in_ed(const stmtlint_doc *doc, size_t i)
{
	stmtlint_span w = doc->words[i];

	return w.end - w.start > 3 && doc->text[w.start] >= 'a' && doc->text[w.start] <= 'z' &&
	       doc->text[w.end - 2] == 'e' && doc->text[w.end - 1] == 'd';
}

/* Whether the words between a verb at v and the date start another verb
 * phrase: "met in Tokyo and agreed to convene on October 4", "met in May
 * and welcomed the summit on October 4". */
static int another_verb_between(const stmtlint_doc *doc, size_t v, size_t date_first)
{
	size_t i;

	for (i = v + 1; i < date_first; i++) {
		if (is_word(doc, i, "to") || ends_in_ed(doc, i))
			return 1;
	}
	return 0;
}

/* Whether the clause ties its date to a past-tense meeting verb, before it
 * ("met in New Delhi, India on January 30-31") or after it ("On June 9,
 * 2011, the meeting was held"). */
static int tied_to_past_meeting(const stmtlint_doc *doc, const struct clause *c)
{
	size_t v;

	for (v = c->date_first; v-- > c->first && c->date_first - v <= TIE_MAX_WORDS;) {
		if (is_past_meeting_verb(doc, v, c->first, c->limit, c->date_first))
			return date_governed_by(doc, c, v) && !another_verb_between(doc, v, c->date_first);
	}
	if (!date_governed_by(doc, c, (size_t)-1) ||
	    any_word_in(doc, c->date_limit, c->limit, future_words))
		return 0;
	for (v = c->date_limit; v < c->limit; v++) {
		/* not the verb of a relative clause: "the leaders who met in May" */
		if (is_past_meeting_verb(doc, v, c->first, c->limit, c->date_first) &&
		    !is_word_in(doc, v - 1, relative_pronouns))
			return 1;
	}
	return 0;
}

static date_tense read_tense(const stmtlint_doc *doc, const struct clause *c, int attributive)
{
	size_t v;
	int future_before = any_word_in(doc, c->first, c->date_first, future_words);

	if (!attributive && !future_before && tied_to_past_meeting(doc, c))
		return TENSE_PAST_MEETING;
	if (future_before)
		return TENSE_FUTURE;
	if (any_word_in(doc, c->first, c->date_first, past_words))
		return TENSE_PAST;
	/* "signed on", "welcomed the dialogue on": a past tense before the date
	 * outweighs a future after it ("... that will benefit"), unless an
	 * infinitive comes between ("called on both sides to resume talks on") */
	for (v = c->first; v < c->date_first; v++) {
		if (ends_in_ed(doc, v) && !another_verb_between(doc, v, c->date_first))
			return TENSE_PAST;
	}
	if (any_word_in(doc, c->date_limit, c->limit, future_words))
		return TENSE_FUTURE;
	return TENSE_NONE;
}

/* ---- what the date names ---------------------------------------------- */

/* Whether only white space lies between two words. */
static int only_space_between(const stmtlint_doc *doc, size_t start, size_t end)
{
	return !gap_has(doc, start, end, ",.;:()[]!?\"'-/");
}

/* "the 25 March Joint Statement", "the May 12 action plan", "Biden's
 * April 29, 2022, meeting": a determiner or possessive before the date and
 * a noun right after it. */
static int is_attributive(const stmtlint_doc *doc, const struct clause *c, const dp_date *d)
{
	size_t before = c->date_first - 1;
	stmtlint_span w;
	size_t after_end = d->span.end;

	if (c->date_first == 0 || before < c->first || c->date_limit >= c->limit)
		return 0;
	w = doc->words[before];
	if (!is_word_in(doc, before, determiners) &&
	    !(w.end - w.start > 2 && doc->text[w.end - 1] == 's' &&
	      (doc->text[w.end - 2] == '\'' || (unsigned char)doc->text[w.end - 2] == 0x99)))
		return 0;
	if (!only_space_between(doc, w.end, d->span.start))
		return 0;
	/* "the April 29, 2022, meeting": a comma closing the year */
	if (d->year != 0 && after_end < doc->length && doc->prose[after_end] == ',')
		after_end++;
	return only_space_between(doc, after_end, doc->words[c->date_limit].start) &&
	       !is_word_in(doc, c->date_limit, not_nouns);
}

/* Whether the date is a byline: the date line, a short block that is little
 * more than the date ("20 May 2023, Hiroshima"), or a place in capitals
 * before it and a dash after ("TOKYO, June 9, 2011 — "). */
static int is_publisher_line(const stmtlint_doc *doc, size_t block, const struct clause *c,
                             const dp_date *d)
{
	const stmtlint_block *b = &doc->blocks[block];
	size_t first = word_at_or_after(doc, b->content.start);
	size_t limit = word_at_or_after(doc, b->span.end);
	size_t date_words = c->date_limit - c->date_first, k, i;

	if ((long)block == doc->dateline)
		return 1;
	if (b->kind != STMTLINT_BLOCK_PARAGRAPH && b->kind != STMTLINT_BLOCK_HEADING)
		return 0;
	if (limit - first <= date_words + BYLINE_MAX_WORDS)
		return 1;
	if (c->date_first - first > BYLINE_MAX_WORDS)
		return 0;
	for (k = first; k < c->date_first; k++) {
		char ch = doc->text[doc->words[k].start];

		if (ch < 'A' || ch > 'Z')
			return 0;
	}
	i = d->span.end;
	while (i < doc->length && (doc->prose[i] == ' ' || doc->prose[i] == ','))
		i++;
	return i + 3 <= doc->length && (strncmp(doc->prose + i, "\xE2\x80\x94", 3) == 0 ||
	                                strncmp(doc->prose + i, "\xE2\x80\x93", 3) == 0 ||
	                                strncmp(doc->prose + i, "--", 2) == 0);
}

/* ---- quotations ------------------------------------------------------- */

/* Quotation marks open in one block, followed from date to date. */
struct quote_state {
	size_t block;       /* the block being read, or SIZE_MAX */
	size_t pos;         /* prose read up to here */
	int open;           /* inside quotation marks */
};

/* Whether the text at `to` is inside quotation marks (“…” or "…") of its
 * block; reads on from where the last call stopped.  Reads the source, not
 * the prose view: blanking a link can take a closing mark with it. */
static int quoted_at(const stmtlint_doc *doc, struct quote_state *q, size_t block, size_t to)
{
	const unsigned char *p = (const unsigned char *)doc->text;

	if (q->block != block) {
		q->block = block;
		q->pos = doc->blocks[block].span.start;
		q->open = 0;
	}
	for (; q->pos < to; q->pos++) {
		if (p[q->pos] == '"')
			q->open = !q->open;
		else if (p[q->pos] == 0xE2 && q->pos + 2 < doc->length && p[q->pos + 1] == 0x80 &&
		         (p[q->pos + 2] == 0x9C || p[q->pos + 2] == 0x9D))
			q->open = p[q->pos + 2] == 0x9C;
	}
	return q->open;
}

/* ---- the pass --------------------------------------------------------- */

/* The clause of the date d within its sentence [sentence_first, sentence_limit). */
static void find_clause(const stmtlint_doc *doc, const dp_date *d, size_t sentence_first,
                        size_t sentence_limit, struct clause *c)
{
	c->date_first = word_at_or_after(doc, d->span.start);
	c->date_limit = word_at_or_after(doc, d->span.end);
	if (sentence_first > c->date_first)
		sentence_first = c->date_first;
	if (sentence_limit < c->date_limit)
		sentence_limit = c->date_limit;
	c->first = c->date_first;
	while (c->first > sentence_first && c->date_first - c->first < CONTEXT_MAX_WORDS &&
	       !clause_break_before(doc, c->first))
		c->first--;
	c->limit = c->date_limit;
	while (c->limit < sentence_limit && c->limit - c->date_limit < CONTEXT_MAX_WORDS &&
	       (c->limit == 0 || !clause_break_before(doc, c->limit)))
		c->limit++;
}

void read_contexts(const stmtlint_doc *doc, found *list, size_t n)
{
	struct quote_state quotes = {(size_t)-1, 0, 0};
	size_t k, block = 0, sentence = 0;

	for (k = 0; k < n; k++) {
		const dp_date *d = &list[k].d;
		date_context *ctx = &list[k].ctx;
		size_t sentence_first, sentence_limit;
		struct clause c;

		memset(ctx, 0, sizeof *ctx);
		while (block + 1 < doc->n_blocks && doc->blocks[block].span.end <= d->span.start)
			block++;
		while (sentence < doc->n_sentences && doc->sentences[sentence].end <= d->span.start)
			sentence++;
		if (sentence < doc->n_sentences && doc->sentences[sentence].start <= d->span.start) {
			sentence_first = word_at_or_after(doc, doc->sentences[sentence].start);
			sentence_limit = word_at_or_after(doc, doc->sentences[sentence].end);
		} else {
			sentence_first = (size_t)-1;
			sentence_limit = 0;
		}
		find_clause(doc, d, sentence_first, sentence_limit, &c);
		ctx->block = block;
		if (doc->n_blocks > 0) {
			ctx->quoted = quoted_at(doc, &quotes, block, d->span.start);
			ctx->publisher = is_publisher_line(doc, block, &c, d);
		}
		ctx->attributive = is_attributive(doc, &c, d);
		ctx->tense = read_tense(doc, &c, ctx->attributive || ctx->quoted || ctx->publisher);
	}
}

/* ---- anniversaries ---------------------------------------------------- */

/* Spelled numbers of years that anniversaries count. */
static const struct {
	long value;
	const char *cardinal;
	const char *ordinal;
} spelled_years[] = {
	{5, "five", "fifth"}, {10, "ten", "tenth"}, {15, "fifteen", "fifteenth"},
	{20, "twenty", "twentieth"}, {25, "twenty-five", "twenty-fifth"},
	{30, "thirty", "thirtieth"}, {40, "forty", "fortieth"}, {50, "fifty", "fiftieth"},
	{60, "sixty", "sixtieth"}, {70, "seventy", "seventieth"},
	{75, "seventy-five", "seventy-fifth"}, {80, "eighty", "eightieth"},
	{90, "ninety", "ninetieth"}, {100, "hundred", "hundredth"}
};

/* The number a word of digits starts with, and what follows the digits:
 * 0 none, 1 an ordinal suffix, 2 "-year"; -1 when the word is something else. */
static int word_number(const char *text, stmtlint_span w, long *value)
{
	size_t i = w.start;
	long v = 0;

	while (i < w.end && i - w.start < 4 && text[i] >= '0' && text[i] <= '9')
		v = v * 10 + (text[i++] - '0');
	if (i == w.start)
		return -1;
	*value = v;
	if (i == w.end)
		return 0;
	if (w.end - i == 2 && strchr("snrtSNRT", text[i]) != NULL)
		return 1;
	if (w.end - i >= 5 && strncmp(text + i, "-year", 5) == 0)
		return 2;
	return -1;
}

void read_stated_years(const stmtlint_doc *doc, unsigned char stated[ANNIVERSARY_MAX + 1])
{
	size_t i, k;

	memset(stated, 0, ANNIVERSARY_MAX + 1);
	for (i = 0; i < doc->n_words; i++) {
		stmtlint_span w = doc->words[i];
		long value = 0;
		int kind = word_number(doc->text, w, &value), ordinal = kind == 1, counts;

		for (k = 0; kind < 0 && k < sizeof spelled_years / sizeof spelled_years[0]; k++) {
			if (words_equal(doc->text, w, spelled_years[k].cardinal) ||
			    words_equal(doc->text, w, spelled_years[k].ordinal)) {
				value = spelled_years[k].value;
				ordinal = words_equal(doc->text, w, spelled_years[k].ordinal);
				kind = 0;
			}
		}
		if (kind < 0 || value < 1 || value > ANNIVERSARY_MAX)
			continue;
		counts = kind == 2 || is_word(doc, i + 1, "anniversary") ||
		         (!ordinal && (is_word(doc, i + 1, "years") || is_word(doc, i + 1, "year")));
		if (counts)
			stated[value] = 1;
	}
}
