/*
 * brackets.c - the `brackets` plugin: text not yet agreed, and text left to
 * be filled in.
 *
 * In negotiated texts square brackets mark language one side has not
 * accepted: "[The participants welcomed]", "[Japan: delete]",
 * "[welcomed/noted]".  Every bracketed span a reader of the draft sees is an
 * error, reported whole however many lines it spans and whatever it nests;
 * a bracket never closed (or closed and never opened) too.  Placeholders
 * ("[LINK]", "TBD", "XX", "***", "Lorem ipsum"; placeholders.c) are errors
 * of their own.  Not findings: Markdown links and reference links, footnote
 * marks of footnotes the draft has (labels.c), a short editorial insertion
 * inside a quotation ("“We [the Parties] affirm …”"), and the bracket forms
 * the profile allows (option `allow`).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stmtlint/plugin.h"
#include "labels.h"
#include "pairs.h"
#include "placeholders.h"

enum { CHECK_UNAGREED, CHECK_UNCLOSED, CHECK_PLACEHOLDER };

static const stmtlint_check_spec checks[] = {
	[CHECK_UNAGREED] = { "unagreed", STMTLINT_ERROR,
	                     "text in square brackets: language not yet agreed" },
	[CHECK_UNCLOSED] = { "unclosed", STMTLINT_ERROR,
	                     "a square bracket opened and never closed, or closed and never opened" },
	[CHECK_PLACEHOLDER] = { "placeholder", STMTLINT_ERROR,
	                        "a placeholder left in the text: [LINK], [DATE], XX, TBD, TBC, TK, "
	                        "***, ???, Lorem ipsum" },
};

static const stmtlint_option_spec options[] = {
	{ .name = "placeholders", .type = STMTLINT_OPT_LIST,
	  .help = "more placeholders: a word (TBA), a phrase (insert name), or a bracketed "
	          "form ([COUNTRY])" },
	{ .name = "allow", .type = STMTLINT_OPT_LIST,
	  .help = "PCRE2 patterns of the bracket forms this profile accepts, each matching a "
	          "whole bracket with its '[' and ']' (\\[sic\\])" },
};

/* The most words of an editorial insertion inside a quotation ("[the Parties]"). */
#define MAX_INSERTION_WORDS 6
/* The most words and bytes of a delegation's name opening a bracket ("[JP/US: …]"). */
#define MAX_DELEGATION_WORDS 4
#define MAX_DELEGATION_BYTES 40
/* Bytes of a bracket quoted in a message before it is cut with "…". */
#define EXCERPT_BYTES 60
/* Notes on one bracket (nested brackets, alternatives) before the rest are counted. */
#define MAX_NOTES 4

/* Words that open a bracket with a colon but name no delegation. */
static const char *const not_delegations[] = {
	"Note", "NB", "N.B.", "Comment", "Comments", "Drafting", "Editor", "Placeholder",
	"Source", "Original", NULL
};

typedef struct brackets_state {
	placeholder_list placeholders;
	stmtlint_regex **allow;
	size_t n_allow;
} brackets_state;

/* Where a quotation stands while the brackets of a draft are read in order. */
typedef struct quote_state {
	size_t block;           /* the block read so far, or SIZE_MAX */
	size_t pos;             /* read up to here */
	int curly;              /* open “ not yet closed */
	int straight;           /* inside a straight-quoted passage */
} quote_state;

/* One check of one draft. */
typedef struct check_run {
	const stmtlint_host *host;
	const brackets_state *st;
	stmtlint_ctx *ctx;
	const stmtlint_doc *doc;
	label_index labels;
	bracket_scan scan;
	quote_state quotes;
	stmtlint_span *reported;  /* what was reported, for the placeholder pass to skip */
	size_t n_reported;
	size_t cap_reported;
} check_run;

/* ---- init ------------------------------------------------------------------ */

static void free_state(const stmtlint_host *host, brackets_state *st)
{
	size_t k;

	if (!st)
		return;
	placeholders_free(&st->placeholders);
	for (k = 0; k < st->n_allow; k++)
		host->regex_free(st->allow[k]);
	free(st->allow);
	free(st);
}

/* Compiles option `allow`, each pattern anchored to a whole bracket. */
static int read_allow(const stmtlint_host *host, const stmtlint_options *opts, brackets_state *st)
{
	const stmtlint_node *node = host->option(opts, "allow");
	size_t n = node ? host->node_length(node) : 0;
	size_t k;

	if (n == 0)
		return 0;
	st->allow = calloc(n, sizeof(*st->allow));
	if (!st->allow) {
		host->config_error(opts, node, "out of memory");
		return -1;
	}
	for (k = 0; k < n; k++) {
		const stmtlint_node *item = host->node_item(node, k);
		const char *pattern = host->node_scalar(item);
		size_t len = pattern ? strlen(pattern) + 16 : 0;
		char *anchored = pattern ? malloc(len) : NULL;

		if (!anchored) {
			host->config_error(opts, item, "out of memory");
			return -1;
		}
		snprintf(anchored, len, "\\G(?:%s)\\z", pattern);
		st->allow[k] = host->regex_compile(opts, item, anchored, 0);
		free(anchored);
		if (!st->allow[k])
			return -1;
		st->n_allow = k + 1;
	}
	return 0;
}

static int brackets_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	brackets_state *st = calloc(1, sizeof(*st));

	*state = NULL;
	if (!st) {
		host->config_error(opts, NULL, "out of memory");
		return -1;
	}
	if (placeholders_read(host, opts, &st->placeholders) < 0 || read_allow(host, opts, st) < 0) {
		free_state(host, st);
		return -1;
	}
	*state = st;
	return 0;
}

static void brackets_fini(const stmtlint_host *host, void *state)
{
	free_state(host, state);
}

/* ---- reading a bracket ------------------------------------------------------- */

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_name_char(char c)
{
	return is_upper(c) || is_lower(c) || c == '.' || c == '-' || c == '&';
}

/* Whether the content t[start, end) opens with a delegation's name and a
 * colon ("Japan:", "JP/US:", "United States:"); sets *name to the name. */
static int delegation(const char *t, size_t start, size_t end, stmtlint_span *name)
{
	size_t i = start;
	size_t words = 0;

	while (i < end && t[i] == ' ')
		i++;
	name->start = i;
	for (;;) {
		if (i >= end || !is_upper(t[i]) || ++words > MAX_DELEGATION_WORDS)
			return 0;
		while (i < end && is_name_char(t[i]))
			i++;
		name->end = i;
		while (i < end && (t[i] == ' ' || t[i] == '/'))
			i++;
		if (i < end && t[i] == ':')
			break;
	}
	if (name->end - name->start > MAX_DELEGATION_BYTES)
		return 0;
	for (i = 0; not_delegations[i]; i++) {
		if (strlen(not_delegations[i]) == name->end - name->start &&
		    strncmp(not_delegations[i], t + name->start, name->end - name->start) == 0)
			return 0;
	}
	return 1;
}

/* The next '/' in t[from, end) between two alternative wordings
 * ("welcomed/noted", "will consider / are considering"): a lower-case
 * letter before it and a letter after it.  Sets *left and *right to the
 * words around it, or with spaces around the slash to the phrases between
 * it and the bracket or the next slash; returns the slash's offset, or end. */
static size_t next_alternative(const char *t, size_t from, size_t end, stmtlint_span *left,
                               stmtlint_span *right)
{
	size_t s;

	for (s = from; s < end; s++) {
		size_t a = s;
		size_t b = s + 1;

		if (t[s] != '/')
			continue;
		while (a > from && t[a - 1] == ' ')
			a--;
		while (b < end && t[b] == ' ')
			b++;
		if (a == from || !is_lower(t[a - 1]) || b == end || !(is_lower(t[b]) || is_upper(t[b])))
			continue;
		left->end = a;
		right->start = b;
		if (a < s && b > s + 1) {
			/* "will consider / are considering": the phrases either side */
			for (left->start = a; left->start > from && t[left->start - 1] != '/';)
				left->start--;
			for (right->end = b; right->end < end && t[right->end] != '/';)
				right->end++;
			while (t[left->start] == ' ')
				left->start++;
			while (t[right->end - 1] == ' ')
				right->end--;
			return s;
		}
		for (left->start = a; left->start > from && is_name_char(t[left->start - 1]);)
			left->start--;
		for (right->end = b; right->end < end && is_name_char(t[right->end]);)
			right->end++;
		return s;
	}
	return end;
}

static size_t count_words(const char *t, size_t start, size_t end)
{
	size_t words = 0;
	size_t i;
	int in_word = 0;

	for (i = start; i < end; i++) {
		int blank = t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r';

		words += !blank && !in_word;
		in_word = !blank;
	}
	return words;
}

/* Whether byte `offset` of the draft lies inside a quotation of its block. */
static int inside_quotation(const stmtlint_doc *doc, quote_state *q, size_t offset)
{
	size_t b = bracket_block_at(doc, offset);

	if (b == SIZE_MAX)
		return 0;
	if (b != q->block || offset < q->pos) {
		q->block = b;
		q->pos = doc->blocks[b].span.start;
		q->curly = 0;
		q->straight = 0;
	}
	for (; q->pos < offset; q->pos++) {
		const unsigned char *t = (const unsigned char *)doc->text + q->pos;

		if (doc->nonprose && doc->nonprose[q->pos] != STMTLINT_NONPROSE_NONE)
			continue;
		if (t[0] == '"')
			q->straight = !q->straight;
		else if (t[0] == 0xE2 && q->pos + 2 < doc->length && t[1] == 0x80 && t[2] == 0x9C)
			q->curly++;
		else if (t[0] == 0xE2 && q->pos + 2 < doc->length && t[1] == 0x80 && t[2] == 0x9D &&
		         q->curly > 0)
			q->curly--;
	}
	return q->curly > 0 || q->straight;
}

/* Writes the bracket text[open, close] into out (room for EXCERPT_BYTES + 16:
 * a space and a 4-byte character past the cut, "…]" and the NUL),
 * white space made single spaces, cut with "…]" when long. */
static void excerpt(const char *t, size_t open, size_t close, char *out)
{
	size_t n = 0;
	size_t i;
	int space = 0;

	for (i = open; i <= close; i++) {
		char c = t[i];

		if (n >= EXCERPT_BYTES && ((unsigned char)c & 0xC0) != 0x80) {
			memcpy(out + n, "\xE2\x80\xA6]", 4);
			n += 4;
			break;
		}
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = 1;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		out[n++] = c;
	}
	out[n] = '\0';
}

/* ---- reporting ----------------------------------------------------------------- */

static int remember(check_run *r, size_t start, size_t end)
{
	if (r->n_reported == r->cap_reported) {
		size_t cap = r->cap_reported ? r->cap_reported * 2 : 16;
		stmtlint_span *grown = realloc(r->reported, cap * sizeof(*grown));

		if (!grown)
			return -1;
		r->reported = grown;
		r->cap_reported = cap;
	}
	r->reported[r->n_reported].start = start;
	r->reported[r->n_reported].end = end;
	r->n_reported++;
	return 0;
}

/* Notes on an unagreed bracket: the delegation it names, its alternatives,
 * where it closes when it spans lines, and the brackets nested in it
 * (pairs[first_nested, end_nested)). */
static void note_bracket(const check_run *r, stmtlint_diag *d, const bracket_pair *p,
                         size_t first_nested, size_t end_nested)
{
	const stmtlint_host *host = r->host;
	const char *t = r->doc->text;
	stmtlint_span name;
	stmtlint_span left;
	stmtlint_span right;
	size_t from = p->open + 1;
	size_t notes = 0;
	size_t k;

	if (delegation(t, p->open + 1, p->close, &name)) {
		host->note(d, name.start, name.end,
		           "the bracket names \xE2\x80\x98%.*s\xE2\x80\x99: a delegation's proposal or "
		           "reservation", (int)(name.end - name.start), t + name.start);
		from = name.end + 1;
	}
	while ((from = next_alternative(t, from, p->close, &left, &right)) < p->close) {
		if (notes++ < MAX_NOTES)
			host->note(d, left.start, right.end,
			           "alternatives under negotiation: \xE2\x80\x98%.*s\xE2\x80\x99 or "
			           "\xE2\x80\x98%.*s\xE2\x80\x99", (int)(left.end - left.start),
			           t + left.start, (int)(right.end - right.start), t + right.start);
		from++;
	}
	for (k = first_nested; k < end_nested && k < first_nested + MAX_NOTES; k++)
		host->note(d, r->scan.pairs[k].open, r->scan.pairs[k].close + 1,
		           "a bracket nested in it");
	if (end_nested - first_nested > MAX_NOTES)
		host->note(d, p->open, p->open + 1, "and %zu more nested brackets",
		           end_nested - first_nested - MAX_NOTES);
	if (memchr(t + p->open, '\n', p->close - p->open))
		host->note(d, p->close, p->close + 1, "the bracket closes here");
	if (label_is_footnote(t, p->open + 1, p->close))
		host->note(d, p->open, p->close + 1,
		           "no footnote \xE2\x80\x98%.*s\xE2\x80\x99 in the draft for this mark",
		           (int)(p->close + 1 - p->open), t + p->open);
}

/* Whether t[start, end) holds a blank line: the text spans paragraphs. */
static int spans_paragraphs(const char *t, size_t start, size_t end)
{
	size_t i;
	int blank = 0;

	for (i = start; i < end; i++) {
		if (t[i] == '\n') {
			if (blank)
				return 1;
			blank = 1;
		} else if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r') {
			blank = 0;
		}
	}
	return 0;
}

/* Whether the bracket is quiet: a reference link or footnote mark whose
 * label the draft defines, a definition of one, a form the profile allows. */
static int defined_or_allowed(check_run *r, const bracket_pair *p, int single)
{
	const stmtlint_doc *doc = r->doc;
	label_def *def = label_definition_at(&r->labels, p->open);
	size_t k;

	if (def)
		return (def->colon && doc->format == STMTLINT_FORMAT_MARKDOWN) || def->used;
	if (single && (doc->format == STMTLINT_FORMAT_MARKDOWN ||
	               label_is_footnote(doc->text, p->open + 1, p->close)) &&
	    label_lookup(&r->labels, doc->text, p->open + 1, p->close))
		return 1;
	for (k = 0; k < r->st->n_allow; k++) {
		size_t ov[2];

		if (r->host->regex_match(r->ctx, r->st->allow[k], doc->text, p->close + 1, p->open, ov,
		                         1) > 0)
			return 1;
	}
	return 0;
}

/* Whether the bracket is an editorial insertion inside a quotation. */
static int editorial(check_run *r, const bracket_pair *p, int single)
{
	const char *t = r->doc->text;
	stmtlint_span name;
	stmtlint_span left;
	stmtlint_span right;

	return single && count_words(t, p->open + 1, p->close) <= MAX_INSERTION_WORDS &&
	       !delegation(t, p->open + 1, p->close, &name) &&
	       next_alternative(t, p->open + 1, p->close, &left, &right) == p->close &&
	       inside_quotation(r->doc, &r->quotes, p->open);
}

/* Reports the top-level pair pairs[i], with the pairs nested in it
 * (pairs[i + 1, end_nested)), unless it is quiet. */
static int report_pair(check_run *r, size_t i, size_t end_nested)
{
	const bracket_pair *p = &r->scan.pairs[i];
	const char *t = r->doc->text;
	int nested = end_nested > i + 1;
	int lines = memchr(t + p->open, '\n', p->close - p->open) != NULL;
	int single = !nested && !lines;
	char quoted[EXCERPT_BYTES + 16];
	stmtlint_diag *d;

	if (defined_or_allowed(r, p, single))
		return 0;
	excerpt(t, p->open, p->close, quoted);
	if (!nested && placeholder_bracket(&r->st->placeholders, t, p->open + 1, p->close)) {
		r->host->report(r->ctx, CHECK_PLACEHOLDER, p->open, p->close + 1,
		                "placeholder \xE2\x80\x98%s\xE2\x80\x99 left in the text", quoted);
		return remember(r, p->open, p->close + 1);
	}
	if (editorial(r, p, single))
		return 0;
	d = r->host->report(r->ctx, CHECK_UNAGREED, p->open, p->close + 1,
	                    "bracketed text \xE2\x80\x98%s\xE2\x80\x99%s%s: language not yet agreed",
	                    quoted,
	                    !lines ? "" : spans_paragraphs(t, p->open, p->close) ? " spans paragraphs" :
	                    " spans lines",
	                    nested ? (lines ? " and nests brackets" : " nests brackets") : "");
	note_bracket(r, d, p, i + 1, end_nested);
	return remember(r, p->open, p->close + 1);
}

/* Reports a '[' never closed (to the end of its paragraph) or a ']' never opened. */
static int report_stray(check_run *r, size_t at)
{
	const stmtlint_doc *doc = r->doc;
	size_t b = bracket_block_at(doc, at);
	size_t end = at + 1;

	if (doc->text[at] == ']') {
		r->host->report(r->ctx, CHECK_UNCLOSED, at, at + 1,
		                "\xE2\x80\x98]\xE2\x80\x99 closes no bracket: the \xE2\x80\x98[\xE2\x80\x99 "
		                "of bracketed text before it may be missing");
		return remember(r, at, at + 1);
	}
	if (b != SIZE_MAX && doc->blocks[b].span.end > end)
		end = doc->blocks[b].span.end;
	r->host->report(r->ctx, CHECK_UNCLOSED, at, end,
	                "\xE2\x80\x98[\xE2\x80\x99 is never closed: the bracketed text it opens "
	                "has no end");
	return remember(r, at, end);
}

/* Marks the labels that brackets of the draft use, so that a footnote
 * whose mark comes after it is known as used. */
static void mark_used_labels(check_run *r)
{
	size_t i;

	for (i = 0; i < r->scan.n_pairs; i++) {
		const bracket_pair *p = &r->scan.pairs[i];

		if (!label_definition_at(&r->labels, p->open))
			label_lookup(&r->labels, r->doc->text, p->open + 1, p->close);
	}
}

static int compare_spans(const void *pa, const void *pb)
{
	const stmtlint_span *a = pa;
	const stmtlint_span *b = pb;

	return a->start < b->start ? -1 : a->start > b->start;
}

/* Sorts the reported spans and merges those that overlap. */
static void merge_reported(check_run *r)
{
	size_t n = 0;
	size_t k;

	for (k = 1; k < r->n_reported && r->reported[k - 1].start <= r->reported[k].start; k++)
		;
	if (k < r->n_reported)
		qsort(r->reported, r->n_reported, sizeof(*r->reported), compare_spans);
	for (k = 0; k < r->n_reported; k++) {
		if (n > 0 && r->reported[k].start < r->reported[n - 1].end) {
			if (r->reported[k].end > r->reported[n - 1].end)
				r->reported[n - 1].end = r->reported[k].end;
			continue;
		}
		r->reported[n++] = r->reported[k];
	}
	r->n_reported = n;
}

static int report_brackets(check_run *r)
{
	size_t i = 0;
	size_t k;

	while (i < r->scan.n_pairs) {
		size_t end = i + 1;

		while (end < r->scan.n_pairs && r->scan.pairs[end].open < r->scan.pairs[i].close)
			end++;
		if (report_pair(r, i, end) < 0)
			return -1;
		i = end;
	}
	for (k = 0; k < r->scan.n_stray; k++) {
		if (report_stray(r, r->scan.stray[k]) < 0)
			return -1;
	}
	return 0;
}

static int brackets_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                          const stmtlint_doc *doc)
{
	check_run r;
	int rc = -1;

	memset(&r, 0, sizeof(r));
	r.host = host;
	r.st = state;
	r.ctx = ctx;
	r.doc = doc;
	r.quotes.block = SIZE_MAX;
	if (labels_collect(doc, &r.labels) < 0)
		return -1;
	if (bracket_scan_doc(doc, &r.labels, &r.scan) < 0)
		goto done;
	mark_used_labels(&r);
	if (report_brackets(&r) < 0)
		goto done;
	merge_reported(&r);
	rc = placeholders_report(host, ctx, doc, &r.st->placeholders, r.reported, r.n_reported,
	                         CHECK_PLACEHOLDER);
done:
	labels_free(&r.labels);
	bracket_scan_free(&r.scan);
	free(r.reported);
	return rc;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "brackets",
	.summary = "no square-bracketed text under negotiation and no placeholder left in the draft",
	.severity = STMTLINT_ERROR,
	.checks = checks,
	.n_checks = sizeof(checks) / sizeof(checks[0]),
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
	.init = brackets_init,
	.check = brackets_check,
	.fini = brackets_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol: its descriptor. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
