/* placeholders.c - text left to be filled in (placeholders.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "placeholders.h"

/* Built-in contents of a bracketed placeholder, compared without case. */
static const char *const bracket_words[] = {
	"LINK", "URL", "DATE", "TIME", "NAME", "NUMBER", "PLACE", "TITLE", "TBD", "TBC", "TK",
	"INSERT", "???", "***", NULL
};
/* Built-in placeholders written as a word, compared with case. */
static const char *const bare_words[] = { "TBD", "TBC", "TK", NULL };
/* Words before which "XX" is a Roman numeral (twenty), not a placeholder:
 * "Article XX of the GATT", "Title XX". */
static const char *const numeral_heads[] = {
	"article", "title", "chapter", "part", "section", "annex", "appendix", "volume",
	"schedule", "rule", "paragraph", "protocol", "amendment", "book", "division", "clause",
	"phase", "round", "session", NULL
};
/* The shortest and longest run of X's that stands for a number or name. */
#define MIN_X_RUN 2
#define MAX_X_RUN 4
/* The shortest run of '*' or '?' that is a placeholder. */
#define MIN_MARK_RUN 3

static int in_list(const char *const *list, const char *s, size_t len, int caseless)
{
	size_t k;

	for (k = 0; list[k] != NULL; k++) {
		if (strlen(list[k]) == len &&
		    (caseless ? strncasecmp(list[k], s, len) : strncmp(list[k], s, len)) == 0)
			return 1;
	}
	return 0;
}

static int in_strings(char *const *list, size_t n, const char *s, size_t len)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (strlen(list[k]) == len && strncmp(list[k], s, len) == 0)
			return 1;
	}
	return 0;
}

/* Whether s[0, len) is a run of X's ("XX", "xxx"), or digits and then one
 * ("20XX") when digits_first is set. */
static int is_x_run(const char *s, size_t len, int digits_first)
{
	size_t i = 0;
	size_t xs;

	if (digits_first) {
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == 0)
			return 0;
	}
	for (xs = 0; i < len && (s[i] == 'X' || s[i] == 'x'); i++)
		xs++;
	return i == len && xs >= MIN_X_RUN && xs <= MAX_X_RUN;
}

static int is_ascii_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int placeholder_bracket(const placeholder_list *list, const char *text, size_t start, size_t end)
{
	while (start < end && is_blank(text[start]))
		start++;
	while (end > start && is_blank(text[end - 1]))
		end--;
	if (start == end)
		return 1;
	return in_list(bracket_words, text + start, end - start, 1) ||
	       is_x_run(text + start, end - start, 0) ||
	       in_strings(list->bracketed, list->n_bracketed, text + start, end - start);
}

/* ---- the profile's placeholders ------------------------------------------ */

static int push_string(char ***v, size_t *n, const char *s, size_t len)
{
	char **grown = realloc(*v, (*n + 1) * sizeof(**v));

	if (!grown)
		return -1;
	*v = grown;
	grown[*n] = strndup(s, len);
	if (!grown[*n])
		return -1;
	(*n)++;
	return 0;
}

/* Files one placeholder of the profile under its kind. */
static int add_placeholder(placeholder_list *list, const char *s)
{
	size_t len = strlen(s);
	size_t i;

	if (len > 2 && s[0] == '[' && s[len - 1] == ']')
		return push_string(&list->bracketed, &list->n_bracketed, s + 1, len - 2);
	for (i = 0; i < len && is_ascii_word_char(s[i]); i++)
		;
	if (i == len)
		return push_string(&list->words, &list->n_words, s, len);
	return push_string(&list->phrases, &list->n_phrases, s, len);
}

int placeholders_read(const stmtlint_host *host, const stmtlint_options *opts,
                      placeholder_list *list)
{
	const stmtlint_node *node = host->option(opts, "placeholders");
	size_t n = node ? host->node_length(node) : 0;
	size_t k;

	memset(list, 0, sizeof(*list));
	for (k = 0; k < n; k++) {
		const stmtlint_node *item = host->node_item(node, k);
		const char *s = host->node_scalar(item);

		if (!s || !s[0] || strchr(s, '\n')) {
			host->config_error(opts, item, "a placeholder must be a word or phrase on one line");
			placeholders_free(list);
			return -1;
		}
		if (add_placeholder(list, s) < 0) {
			host->config_error(opts, item, "out of memory");
			placeholders_free(list);
			return -1;
		}
	}
	return 0;
}

static void free_strings(char **v, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		free(v[k]);
	free(v);
}

void placeholders_free(placeholder_list *list)
{
	free_strings(list->bracketed, list->n_bracketed);
	free_strings(list->words, list->n_words);
	free_strings(list->phrases, list->n_phrases);
	memset(list, 0, sizeof(*list));
}

/* ---- finding them in the draft --------------------------------------------- */

/* Whether offset lies inside one of the sorted spans. */
static int skipped(const stmtlint_span *skip, size_t n, size_t offset)
{
	size_t lo = 0;
	size_t hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (skip[mid].end <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && skip[lo].start <= offset;
}

/* Whether word w of doc, a run of X's, follows a word that makes it a
 * Roman numeral ("Article XX"). */
static int numeral_after_head(const stmtlint_doc *doc, size_t w)
{
	const stmtlint_span *prev;
	size_t k;

	if (w == 0)
		return 0;
	prev = &doc->words[w - 1];
	for (k = prev->end; k < doc->words[w].start; k++) {
		if (doc->prose[k] != ' ' && doc->prose[k] != '\n' && doc->prose[k] != '\t')
			return 0;
	}
	return in_list(numeral_heads, doc->text + prev->start, prev->end - prev->start, 1);
}

static void report_one(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                       size_t check, size_t start, size_t end)
{
	host->report(ctx, check, start, end, "placeholder \xE2\x80\x98%.*s\xE2\x80\x99 left in the text",
	             (int)(end - start), doc->text + start);
}

/* Whether words w and w + 1 are "Lorem ipsum", in any letter case, with
 * only spaces between them. */
static int lorem_ipsum(const stmtlint_doc *doc, size_t w)
{
	const stmtlint_span *a = &doc->words[w];
	const stmtlint_span *b = a + 1;
	size_t k;

	if (w + 1 >= doc->n_words || a->end - a->start != 5 || b->end - b->start != 5 ||
	    strncasecmp(doc->text + a->start, "lorem", 5) != 0 ||
	    strncasecmp(doc->text + b->start, "ipsum", 5) != 0)
		return 0;
	for (k = a->end; k < b->start; k++) {
		if (doc->prose[k] != ' ' && doc->prose[k] != '\n' && doc->prose[k] != '\t')
			return 0;
	}
	return 1;
}

/* The placeholders that are one word, and "Lorem ipsum". */
static void report_words(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                         const placeholder_list *list, const stmtlint_span *skip, size_t n,
                         size_t check)
{
	size_t w;

	for (w = 0; w < doc->n_words; w++) {
		const char *s = doc->text + doc->words[w].start;
		size_t len = doc->words[w].end - doc->words[w].start;
		int found;

		/* Every built-in placeholder word starts with one of these. */
		if (len > 12 || (list->n_words == 0 && !strchr("TXLl0123456789", s[0])))
			continue;
		found = in_list(bare_words, s, len, 0) || is_x_run(s, len, 1) ||
		        in_strings(list->words, list->n_words, s, len) ||
		        (len >= MIN_X_RUN && s[0] == 'X' && is_x_run(s, len, 0) &&
		         !numeral_after_head(doc, w));
		if (found && !skipped(skip, n, doc->words[w].start))
			report_one(host, ctx, doc, check, doc->words[w].start, doc->words[w].end);
		else if (lorem_ipsum(doc, w) && !skipped(skip, n, doc->words[w].start))
			report_one(host, ctx, doc, check, doc->words[w].start, doc->words[w + 1].end);
	}
}

/* Whether prose[start, end) stands between word boundaries. */
static int bounded(const stmtlint_doc *doc, size_t start, size_t end)
{
	const char *p = doc->prose;

	return !(start > 0 && is_ascii_word_char(p[start]) && is_ascii_word_char(p[start - 1])) &&
	       !(end < doc->length && is_ascii_word_char(p[end - 1]) && is_ascii_word_char(p[end]));
}

/* The profile's placeholders that are phrases, as given. */
static void report_phrase(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                          const char *phrase, const stmtlint_span *skip, size_t n, size_t check)
{
	size_t len = strlen(phrase);
	size_t i = 0;

	while (i + len <= doc->length) {
		const char *hit = memmem(doc->prose + i, doc->length - i, phrase, len);

		if (!hit)
			return;
		i = (size_t)(hit - doc->prose);
		if (bounded(doc, i, i + len) && !skipped(skip, n, i))
			report_one(host, ctx, doc, check, i, i + len);
		i += len;
	}
}

/* Whether the run of '*' at t[start, end) is all its line holds (with
 * spaces and escapes): a dinkus between parts of the text, not a placeholder. */
static int dinkus(const stmtlint_doc *doc, size_t start, size_t end)
{
	const char *t = doc->text;
	size_t i;

	for (i = start; i > 0 && t[i - 1] != '\n'; i--) {
		if (t[i - 1] == '\0' || !strchr(" \t*\\", t[i - 1]))
			return 0;
	}
	for (i = end; i < doc->length && t[i] != '\n' && t[i] != '\r'; i++) {
		if (t[i] == '\0' || !strchr(" \t*\\", t[i]))
			return 0;
	}
	return 1;
}

/* Runs of MIN_MARK_RUN or more '*' or '?' in prose ("***", "???"), not a
 * dinkus; the backslashes of Markdown escapes ("\*\*\*") inside a run are
 * skipped. */
static void report_marks(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                         const stmtlint_span *skip, size_t n, size_t check)
{
	const char *t = doc->text;
	size_t i = 0;

	for (;;) {
		size_t start;
		size_t end;
		size_t marks = 0;
		char mark;

		i += strcspn(t + i, "*?");
		if (i >= doc->length)
			return;
		mark = t[i];
		start = end = i;
		while (end < doc->length && (t[end] == mark || t[end] == '\\')) {
			int prose = doc->prose[end] == mark;

			if (!prose && doc->nonprose[end] != STMTLINT_NONPROSE_ESCAPE)
				break;
			marks += prose;
			end++;
		}
		while (end > start && t[end - 1] == '\\')
			end--;
		if (marks >= MIN_MARK_RUN && !skipped(skip, n, start) &&
		    !(mark == '*' && dinkus(doc, start, end)))
			report_one(host, ctx, doc, check, start, end);
		i = end > i ? end : i + 1;
	}
}

int placeholders_report(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                        const placeholder_list *list, const stmtlint_span *skip, size_t n,
                        size_t check)
{
	size_t k;

	report_words(host, ctx, doc, list, skip, n, check);
	for (k = 0; k < list->n_phrases; k++)
		report_phrase(host, ctx, doc, list->phrases[k], skip, n, check);
	report_marks(host, ctx, doc, skip, n, check);
	return 0;
}
