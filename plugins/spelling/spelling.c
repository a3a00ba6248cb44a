/* spelling.c - the `spelling` plugin: words no dictionary knows.
 *
 * Words are read as a reader sees them (wordscan.c) and looked up in the
 * Hunspell dictionaries of the configuration's language ("en": U.S. and
 * British; "en_US", "en_GB": that one) and in the vocabulary of statements
 * (lexicon.c, sources.c).  An unknown lower-case word is a warning with
 * the dictionaries' suggestions, and the first as a fix-it when it is
 * clearly the word meant (a guess: never applied by a fixer); two known
 * words run together are spelling/run-together with the split as the
 * fix-it; an unknown capitalised word inside a sentence is probably a
 * name, a spelling/name note once per word; U.S. and British spellings
 * mixed under "en" are spelling/variant (variants.c).  Code, URLs,
 * addresses, acronyms and tokens with digits are not checked. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "sources.h"
#include "stmtlint/plugin.h"
#include "variants.h"
#include "wordscan.h"

enum { CHECK_RUN_TOGETHER, CHECK_NAME, CHECK_VARIANT };

static const stmtlint_check_spec checks[] = {
	[CHECK_RUN_TOGETHER] = { "run-together", STMTLINT_WARNING,
	                         "two words written as one ('providefunds'), the split as the fix-it" },
	[CHECK_NAME] = { "name", STMTLINT_NOTE,
	                 "an unknown capitalised word inside a sentence: probably a name (once per word)" },
	/* a note: published statements co-drafted by two governments mix them */
	[CHECK_VARIANT] = { "variant", STMTLINT_NOTE,
	                    "U.S. and British spellings mixed under language en: the minority form" },
};

static const stmtlint_option_spec options[] = {
	{ .name = "words", .type = STMTLINT_OPT_LIST,
	  .help = "words (and names) the profile's drafts use that no dictionary has" },
	{ .name = "suggestions", .type = STMTLINT_OPT_BOOL, .default_value = "true",
	  .help = "suggest words for an unknown word (false: faster, no did-you-mean)" },
};

/* The longest language tag read ("en-US"); longer is no tag. */
#define LANGUAGE_MAX 31

/* ---- init ------------------------------------------------------------------ */

/* The dictionary names of a language tag: "en" gives en_US and en_GB,
 * "en-US" or "en_US" gives en_US, "de-de" gives de_DE.  Returns how many
 * (1 or 2), or 0 when the tag is no language tag. */
static int dictionary_names(const char *tag, char names[LEXICON_DICTS][32])
{
	size_t len = strlen(tag);
	size_t i;
	int region = 0;

	if (len == 0 || len > LANGUAGE_MAX)
		return 0;
	if (strcasecmp(tag, "en") == 0) {
		strcpy(names[LEXICON_PRIMARY], "en_US");
		strcpy(names[LEXICON_SECONDARY], "en_GB");
		return 2;
	}
	for (i = 0; i < len; i++) {
		char c = tag[i];

		if (c == '-' || c == '_') {
			if (i == 0 || region)
				return 0;
			region = 1;
			names[LEXICON_PRIMARY][i] = '_';
		} else if (isalpha((unsigned char)c)) {
			names[LEXICON_PRIMARY][i] = (char)(region ? toupper((unsigned char)c)
			                                          : tolower((unsigned char)c));
		} else {
			return 0;
		}
	}
	names[LEXICON_PRIMARY][len] = '\0';
	return 1;
}

/* Asks the host for dictionary `name` as a process-wide resource. */
static int open_dictionary(const stmtlint_host *host, const stmtlint_options *opts,
                           const char *language, lexicon *lx, int which)
{
	spelldict_files files;
	char searched[2048];
	char key[sizeof(files.aff) + 64];

	if (spelldict_locate(lx->dict_name[which], &files, searched, sizeof(searched)) != 0) {
		host->config_error(opts, NULL, "no Hunspell dictionary for language '%s': %s.aff and "
		                   "%s.dic are in none of %s (install it, or set DICPATH to its folder)",
		                   language, lx->dict_name[which], lx->dict_name[which], searched);
		return -1;
	}
	snprintf(key, sizeof(key), "hunspell:%s:%s", lx->dict_name[which], files.aff);
	lx->dict[which] = host->resource(opts, key, spelldict_create, spelldict_destroy, &files,
	                                 STMTLINT_RESOURCE_LOCKED);
	return lx->dict[which] != NULL ? 0 : -1;
}

static int spelling_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	lexicon *lx = calloc(1, sizeof(*lx));
	const char *language = host->language(opts);
	int n;
	int i;

	*state = lx;
	if (lx == NULL || (lx->answers = lexicon_answers_new()) == NULL)
		return -1;
	n = dictionary_names(language, lx->dict_name);
	if (n == 0) {
		host->config_error(opts, NULL, "language '%s' is no language tag (such as en, en-US, "
		                   "en_GB)", language);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (open_dictionary(host, opts, language, lx, i) != 0)
			return -1;
	lx->suggestions = host->option_bool(opts, "suggestions");
	if (sources_read_words(host, opts, &lx->words) != 0 ||
	    sources_read_pairs(host, opts, &lx->pairs) != 0)
		return -1;
	return 0;
}

static void spelling_fini(const stmtlint_host *host, void *state)
{
	lexicon *lx = state;

	(void)host;
	if (lx == NULL)
		return;
	vocab_free(&lx->words);
	pair_table_free(&lx->pairs);
	lexicon_answers_free(lx->answers);
	free(lx);
}

/* ---- check ----------------------------------------------------------------- */

/* One check of one draft. */
typedef struct checker {
	const stmtlint_host *host;
	const lexicon *lx;
	stmtlint_ctx *ctx;
	const stmtlint_doc *doc;
	vocab defined;              /* acronyms the draft defines: "(iCET)" */
	vocab noted;                /* names already noted */
	int british_seen;           /* a word only the British dictionary knows */
	size_t suggested;           /* words suggestions were asked for */
	int failed;
} checker;

/* The most unknown words of one draft that get suggestions: Hunspell takes
 * tens of milliseconds a word, and a draft in another language would run
 * past the host's time limit (which stops the plugin, dictionary lock and
 * all).  Words past it are reported without suggestions. */
#define MAX_SUGGESTED_WORDS 50

/* The suggestions for part, or none past MAX_SUGGESTED_WORDS; 0 or -1. */
static int suggest(checker *c, const char *part, suggestions *s)
{
	s->n = 0;
	s->close = 0;
	s->clear = 0;
	if (c->suggested >= MAX_SUGGESTED_WORDS)
		return 0;
	c->suggested++;
	return lexicon_suggest(c->host, c->lx, part, s);
}

/* The letters of a part: how many, and how many upper-case, where. */
typedef struct letters {
	size_t chars;
	size_t upper;
	int first_upper;
	int digits;
	int foreign;         /* a letter of another script than Latin (東京, Москва) */
} letters;

/* Whether cp is a letter of the Latin script: ASCII, Latin-1 and the Latin
 * Extended blocks (the languages English dictionaries know words of), or
 * not a letter at all (an apostrophe, a hyphen). */
static int latin_or_mark(uint32_t cp)
{
	return cp < 0x0250 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2000 && cp <= 0x206F) ||
	       (cp >= 0xFB00 && cp <= 0xFB06);
}

static letters count_letters(const stmtlint_host *host, const char *s, size_t len)
{
	letters l = { 0, 0, 0, 0, 0 };
	size_t k = 0;

	while (k < len) {
		uint32_t cp;
		size_t n = host->utf8_decode(s + k, len - k, &cp);

		if (!latin_or_mark(cp))
			l.foreign = 1;
		if (cp >= '0' && cp <= '9')
			l.digits = 1;
		else if (cp != '\'' && host->fold_case(cp) != cp) {
			l.upper++;
			if (k == 0)
				l.first_upper = 1;
		}
		l.chars++;
		k += n;
	}
	return l;
}

/* Whether the part is an acronym: all capitals ("ASEAN"), maybe with a
 * plural s ("SMEs"). */
static int acronym(const char *s, size_t len, const letters *l)
{
	if (l->upper == l->chars)
		return 1;
	return l->upper >= 2 && l->upper + 1 == l->chars && s[len - 1] == 's';
}

/* Reports a run-together word with a space inserted at the split. */
static void report_run_together(checker *c, const scan_word *w, size_t a, size_t b, size_t at,
                                int ways)
{
	stmtlint_diag *d;
	char title[VOCAB_WORD_MAX * 2 + 2];
	/* a space between the two words; the whole word when nothing hides in it
	   (a soft hyphen, Markdown markers) that rewriting it would drop */
	size_t start = w->from[a + at];
	size_t end = start;
	const char *replacement = " ";

	d = c->host->report(c->ctx, CHECK_RUN_TOGETHER, w->from[a], w->to[b - 1],
	                    "'%.*s' is two words run together: '%.*s %.*s'", (int)(b - a),
	                    w->text + a, (int)at, w->text + a, (int)(b - a - at), w->text + a + at);
	snprintf(title, sizeof(title), "%.*s %.*s", (int)at, w->text + a, (int)(b - a - at),
	         w->text + a + at);
	if (w->to[b - 1] - w->from[a] == b - a &&
	    memcmp(c->doc->text + w->from[a], w->text + a, b - a) == 0) {
		/* written as read: the fix-it shows the two words */
		start = w->from[a];
		end = w->to[b - 1];
		replacement = title;
	}
	if (ways == 1)
		c->host->fix(d, start, end, replacement);
	else
		c->host->suggest(d, start, end, replacement, NULL);
}

/* "the1982": a known word run into a number.  0 or -1. */
static int check_digits(checker *c, const scan_word *w, size_t a, size_t b)
{
	size_t k = a;
	size_t j;
	int known;

	while (k < b && w->text[k] >= 'a' && w->text[k] <= 'z')
		k++;
	for (j = k; j < b; j++)
		if (w->text[j] < '0' || w->text[j] > '9')
			return 0;
	if (k == a || k == b)
		return 0;
	known = lexicon_part_known(c->host, c->lx, &c->defined, w->text + a, k - a);
	if (known < 0)
		return -1;
	if (known)
		report_run_together(c, w, a, b, k - a, 1);
	return 0;
}

/* Notes an unknown capitalised word, once per draft. */
static int note_name(checker *c, const scan_word *w, size_t a, size_t b, const char *part)
{
	if (vocab_has(&c->noted, part))
		return 0;
	if (vocab_add(&c->noted, part, b - a) != 0)
		return -1;
	c->host->report(c->ctx, CHECK_NAME, w->from[a], w->to[b - 1],
	                "'%s' is in no dictionary or word list: probably a name (noted once); "
	                "add it to a word list if it is spelled right", part);
	return 0;
}

/* Reports an unknown lower-case word with what the dictionaries suggest (s). */
static void report_unknown(checker *c, const scan_word *w, size_t a, size_t b, const char *part,
                           const suggestions *s)
{
	char list[sizeof(s->word) + 64];
	size_t used = 0;
	stmtlint_diag *d;
	int i;

	list[0] = '\0';
	for (i = 0; i < s->n; i++)
		used += (size_t)snprintf(list + used, sizeof(list) - used, "%s'%s'",
		                         i == 0 ? "; did you mean " : i == s->n - 1 ? " or " : ", ",
		                         s->word[i]);
	d = c->host->report(c->ctx, STMTLINT_NO_CHECK, w->from[a], w->to[b - 1],
	                    "unknown word '%s'%s%s", part, list, s->n > 0 ? "?" : "");
	if (s->clear) {
		char title[sizeof(s->word[0]) + 32];

		snprintf(title, sizeof(title), "Change to '%s'", s->word[0]);
		c->host->suggest(d, w->from[a], w->to[b - 1], s->word[0], title);
	}
}

/* Notes whether a known word is one only the British dictionary knows
 * (the vocabulary's words are neither side's). */
static int note_british(checker *c, const char *part)
{
	int us;

	if (c->british_seen || c->lx->dict[LEXICON_SECONDARY] == NULL ||
	    vocab_has(&c->lx->words, part) || vocab_has(&c->defined, part))
		return 0;
	us = lexicon_dict_knows(c->host, c->lx, LEXICON_PRIMARY, part);
	if (us == 0)
		c->british_seen = lexicon_dict_knows(c->host, c->lx, LEXICON_SECONDARY, part) == 1;
	return us < 0 ? -1 : 0;
}

/* An unknown word: a name, two words run together, or a misspelling.  A
 * capitalised one, even at the start of a sentence, is taken for a name:
 * names split too easily into words ("Bloomberg", "Bloom berg"). */
static int unknown_part(checker *c, const scan_word *w, size_t a, size_t b, char *part,
                        const letters *l)
{
	size_t at = 0;
	int ways;
	uint32_t first;
	suggestions s;

	c->host->utf8_decode(w->text, w->len, &first);
	/* a later part of a capitalised compound is part of a name: "Tae-yong" */
	if (l->upper > 0 || (a > 0 && c->host->fold_case(first) != first))
		return note_name(c, w, a, b, part);
	ways = lexicon_split(c->host, c->lx, &c->defined, part, &at);
	if (ways < 0)
		return -1;
	/* a word a slip away beats a split, unless the split frees a word such
	   as "the" ("tothe" is "to the", not "tote"; but "color" is no "col or") */
	if (ways > 0 && !lexicon_function_word(part, at) &&
	    !(b - a - at >= 3 && lexicon_function_word(part + at, b - a - at))) {
		if (suggest(c, part, &s) != 0)
			return -1;
		if (s.close) {
			report_unknown(c, w, a, b, part, &s);
			return 0;
		}
	}
	if (ways > 0) {
		report_run_together(c, w, a, b, at, ways);
		return 0;
	}
	if (suggest(c, part, &s) != 0)
		return -1;
	report_unknown(c, w, a, b, part, &s);
	return 0;
}

/* Whether a capitalised word at the start of a sentence is known.  The
 * second dictionary (British, under en) is asked only when the word reads
 * as the British spelling of a word the first knows ("Organisation"), so
 * that a name starting a sentence ("Hajime Tonegawa, ...") does not load
 * it.  1, 0 or -1. */
static int known_at_start(checker *c, const char *part)
{
	char lower[VOCAB_WORD_MAX + 1];
	char other[VOCAB_WORD_MAX + 1];
	int ize;
	int known = lexicon_knows_name(c->host, c->lx, &c->defined, part);

	if (known != 0 || c->lx->dict[LEXICON_SECONDARY] == NULL)
		return known;
	snprintf(lower, sizeof(lower), "%s", part);
	lower[0] = (char)tolower((unsigned char)lower[0]);
	known = lexicon_rewrite(c->host, c->lx, lower, 0, other, &ize);
	if (known == 1)
		known = lexicon_dict_knows(c->host, c->lx, LEXICON_SECONDARY, part);
	return known;
}

static int check_part(void *arg, const scan_word *w, size_t a, size_t b)
{
	checker *c = arg;
	char part[VOCAB_WORD_MAX + 1];
	letters l = count_letters(c->host, w->text + a, b - a);
	int known;

	/* one letter, or a word of another script: not for an English dictionary */
	if (l.chars < 2 || l.foreign)
		return 0;
	if (l.digits)
		return check_digits(c, w, a, b) == 0 ? 0 : (c->failed = 1, -1);
	if (acronym(w->text + a, b - a, &l))
		return 0;
	memcpy(part, w->text + a, b - a);
	part[b - a] = '\0';
	if (l.upper > 0 && !(w->sentence_start && a == 0))
		known = lexicon_knows_name(c->host, c->lx, &c->defined, part);
	else if (l.upper > 0)
		known = known_at_start(c, part);
	else
		known = lexicon_knows(c->host, c->lx, &c->defined, part);
	if (known == 1 && (l.upper == 0 || (w->sentence_start && a == 0)))
		known = note_british(c, part) == 0 ? 1 : -1;
	else if (known == 0)
		known = unknown_part(c, w, a, b, part, &l) == 0 ? 1 : -1;
	if (known < 0) {
		c->failed = 1;
		return -1;
	}
	return 0;
}

static int check_word(void *arg, const scan_word *w)
{
	return scan_parts(w, check_part, arg);
}

/* Adds the acronyms the draft defines in brackets: "(iCET)", "(“MoU”)". */
static int read_defined(checker *c)
{
	const char *text = c->doc->prose;
	const char *end = text + c->doc->length;
	const char *p = text;
	static const char *const quotes[] = { "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'",
	                                      "\xE2\x80\x98", "\xE2\x80\x99" };

	while ((p = memchr(p, '(', (size_t)(end - p))) != NULL) {
		const char *q = ++p;
		const char *token;
		const char *token_end;
		size_t i;
		size_t upper = 0;

		for (i = 0; i < sizeof(quotes) / sizeof(quotes[0]); i++)
			if (strncmp(q, quotes[i], strlen(quotes[i])) == 0)
				q += strlen(quotes[i]);
		token = q;
		while (q < end && (isalnum((unsigned char)*q) || *q == '-' || *q == '&')) {
			upper += isupper((unsigned char)*q) != 0;
			q++;
		}
		token_end = q;
		for (i = 0; i < sizeof(quotes) / sizeof(quotes[0]); i++)
			if (strncmp(q, quotes[i], strlen(quotes[i])) == 0)
				q += strlen(quotes[i]);
		if (q < end && *q == ')' && upper > 0 && token_end - token >= 2 &&
		    vocab_add(&c->defined, token, (size_t)(token_end - token)) != 0)
			return -1;
	}
	return 0;
}

static int spelling_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                          const stmtlint_doc *doc)
{
	checker c = { host, state, ctx, doc, { NULL, 0 }, { NULL, 0 }, 0, 0, 0 };
	int rc = 0;

	if (read_defined(&c) != 0 || scan_words(host, doc, check_word, &c) != 0 || c.failed)
		rc = -1;
	else if (c.british_seen)
		rc = variants_check(host, c.lx, ctx, doc, &c.defined, CHECK_VARIANT);
	vocab_free(&c.defined);
	vocab_free(&c.noted);
	return rc;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "spelling",
	.summary = "words no dictionary or word list knows; words run together; U.S. and British "
	           "spellings mixed",
	.severity = STMTLINT_WARNING,
	.checks = checks,
	.n_checks = sizeof(checks) / sizeof(checks[0]),
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
	.init = spelling_init,
	.check = spelling_check,
	.fini = spelling_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
