/* suppress.c - suppression comments in drafts. */
#include "suppress.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"

const char *const suppress_directives[SUPPRESS_N_DIRECTIVES] = {
	/* the longest first: of two as close, the more specific is suggested */
	"stmtlint-disable-next-line", "stmtlint-disable", "stmtlint-enable",
};

/* The prefix that marks a comment as meant for stmtlint. */
#define DIRECTIVE_PREFIX "stmtlint-"

/* An "enable" comment: it ends, at `line`, the open ranges of the rule
 * named by text[offset, offset + length), or of every rule when length is 0. */
typedef struct enable_mark {
	size_t offset;
	size_t length;
	size_t line;
} enable_mark;

/* What one scan collects besides the suppressions themselves. */
typedef struct scan_state {
	const stmtlint_doc *doc;
	suppress_set *out;
	size_t *ranges;        /* indexes of the "disable" items, whose end an "enable" sets */
	size_t n_ranges, cap_ranges;
	enable_mark *enables;  /* in document order */
	size_t n_enables, cap_enables;
	size_t memo_from;      /* the last next_nonblank(): lines after memo_from and */
	size_t memo_found;     /* before memo_found are blank; memo_found is not */
	int memo_valid;
} scan_state;

static int push(suppress_set *set, const char *rule, size_t rlen, size_t first, size_t last,
                size_t offset, int next_line)
{
	suppression *p;

	if (array_reserve((void **)&set->items, &set->cap, set->n, sizeof(*set->items)) != 0)
		return -1;
	p = &set->items[set->n];
	p->rule = strndup(rule, rlen);
	if (p->rule == NULL)
		return -1;
	p->first_line = first;
	p->last_line = last;
	p->offset = offset;
	p->length = rlen;
	p->hits = 0;
	p->next_line = next_line;
	set->n++;
	return 0;
}

/* Records a word meant as a directive that is none.  Returns 0 or -1. */
static int add_unknown(suppress_set *set, size_t offset, size_t length)
{
	if (array_reserve((void **)&set->unknown, &set->cap_unknown, set->n_unknown,
	                  sizeof(*set->unknown)) != 0)
		return -1;
	set->unknown[set->n_unknown].offset = offset;
	set->unknown[set->n_unknown].length = length;
	set->n_unknown++;
	return 0;
}

static int line_blank(const stmtlint_doc *doc, size_t l)
{
	size_t i;

	for (i = doc->lines[l].start; i < doc->lines[l].end; i++)
		if (!isspace((unsigned char)doc->text[i]))
			return 0;
	return 1;
}

/* The first non-blank line after `line`.  The comments come in document
 * order, so `line` never decreases from one call to the next: a line between
 * the last call's and its answer has the same answer, and each line is
 * looked at once in all. */
static size_t next_nonblank(scan_state *st, size_t line)
{
	size_t l;

	if (st->memo_valid && line >= st->memo_from && line < st->memo_found)
		return st->memo_found;
	for (l = line + 1; l < st->doc->n_lines && line_blank(st->doc, l); l++)
		;
	st->memo_from = line;
	st->memo_found = l;
	st->memo_valid = 1;
	return l;
}

/* Records what a comment of `kind` (0 disable, 1 enable, 2 next line) on
 * `line` does to the rule text[offset, offset + length) (every rule when
 * length is 0); `after_line` is the line the comment ends on.  Returns 0,
 * or -1 when out of memory. */
static int add_comment_rule(scan_state *st, int kind, size_t line, size_t after_line,
                            size_t offset, size_t length)
{
	const char *rule = st->doc->text + offset;

	if (kind == 1) {
		enable_mark *e;

		if (array_reserve((void **)&st->enables, &st->cap_enables, st->n_enables,
		            sizeof(*st->enables)) != 0)
			return -1;
		e = &st->enables[st->n_enables++];
		e->offset = offset;
		e->length = length;
		e->line = line;
		return 0;
	}
	if (kind == 2) {
		size_t first = next_nonblank(st, after_line);

		return push(st->out, rule, length, first, first, offset, 1);
	}
	if (array_reserve((void **)&st->ranges, &st->cap_ranges, st->n_ranges,
	                  sizeof(*st->ranges)) != 0)
		return -1;
	st->ranges[st->n_ranges++] = st->out->n;
	return push(st->out, rule, length, line, (size_t)-1, offset, 0);
}

/* Reads the suppression comment text[open, close) (between "<!--" and
 * "-->"), if it is one.  Returns 0, or -1 when out of memory. */
static int read_comment(scan_state *st, size_t open, size_t close)
{
	const char *t = st->doc->text;
	size_t p = open + 4;
	size_t word;
	size_t wlen;
	size_t line;
	size_t after_line;
	int kind;
	int any = 0;

	while (p < close && isspace((unsigned char)t[p]))
		p++;
	word = p;
	while (p < close && !isspace((unsigned char)t[p]))
		p++;
	wlen = p - word;
	if (wlen == 26 && strncmp(t + word, "stmtlint-disable-next-line", 26) == 0)
		kind = 2;
	else if (wlen == 16 && strncmp(t + word, "stmtlint-disable", 16) == 0)
		kind = 0;
	else if (wlen == 15 && strncmp(t + word, "stmtlint-enable", 15) == 0)
		kind = 1;
	else if (wlen >= strlen(DIRECTIVE_PREFIX) &&
	         strncmp(t + word, DIRECTIVE_PREFIX, strlen(DIRECTIVE_PREFIX)) == 0)
		return add_unknown(st->out, word, wlen);
	else
		return 0;
	line = doc_line_of(st->doc, open);
	after_line = doc_line_of(st->doc, close);
	for (;;) {
		size_t r;

		while (p < close && (isspace((unsigned char)t[p]) || t[p] == ','))
			p++;
		if (p >= close)
			break;
		r = p;
		while (p < close && !isspace((unsigned char)t[p]) && t[p] != ',')
			p++;
		any = 1;
		if (add_comment_rule(st, kind, line, after_line, r, p - r) != 0)
			return -1;
	}
	return any ? 0 : add_comment_rule(st, kind, line, after_line, word, 0);
}

/* A rule named in a "disable" (item < n) or an "enable" (enable < n_enables),
 * for matching each range with the first "enable" of its rule after it. */
typedef struct rule_ref {
	const char *rule;
	size_t length;
	size_t offset;
	size_t item;     /* the range's item, or (size_t)-1 for an enable */
	size_t line;     /* an enable's line */
} rule_ref;

static int cmp_rule_text(const char *a, size_t la, const char *b, size_t lb)
{
	int c = memcmp(a, b, la < lb ? la : lb);

	if (c != 0)
		return c;
	return (la > lb) - (la < lb);
}

static int cmp_rule_ref(const void *pa, const void *pb)
{
	const rule_ref *a = pa;
	const rule_ref *b = pb;
	int c = cmp_rule_text(a->rule, a->length, b->rule, b->length);

	if (c != 0)
		return c;
	return (a->offset > b->offset) - (a->offset < b->offset);
}

/* Ends every range at the first "enable" after it that names no rule or
 * its rule: one pass for the bare enables, one sort for the named ones.
 * Returns 0, or -1 when out of memory. */
static int close_ranges(scan_state *st)
{
	suppression *items = st->out->items;
	size_t *next_bare = malloc((st->n_enables + 1) * sizeof(*next_bare));
	rule_ref *refs = malloc((st->n_ranges + st->n_enables + 1) * sizeof(*refs));
	size_t n_refs = 0;
	size_t next = (size_t)-1;
	size_t i;
	size_t j = st->n_enables + 1;

	if (next_bare == NULL || refs == NULL) {
		free(next_bare);
		free(refs);
		return -1;
	}
	/* next_bare[j]: the line of the first bare enable from enables[j] on */
	while (j-- > 0) {
		if (j < st->n_enables && st->enables[j].length == 0)
			next = st->enables[j].line;
		next_bare[j] = next;
	}
	for (i = 0, j = 0; i < st->n_ranges; i++) {
		suppression *s = &items[st->ranges[i]];

		while (j < st->n_enables && st->enables[j].offset < s->offset)
			j++;
		s->last_line = next_bare[j];
		if (s->rule[0] != '\0')
			refs[n_refs++] = (rule_ref){ s->rule, strlen(s->rule), s->offset, st->ranges[i], 0 };
	}
	for (j = 0; j < st->n_enables; j++)
		if (st->enables[j].length > 0)
			refs[n_refs++] = (rule_ref){ st->doc->text + st->enables[j].offset,
			                             st->enables[j].length, st->enables[j].offset,
			                             (size_t)-1, st->enables[j].line };
	qsort(refs, n_refs, sizeof(*refs), cmp_rule_ref);
	/* From the end of each rule's refs: the next enable of the rule. */
	for (i = n_refs; i-- > 0;) {
		if (i + 1 == n_refs || cmp_rule_text(refs[i].rule, refs[i].length, refs[i + 1].rule,
		                                     refs[i + 1].length) != 0)
			next = (size_t)-1;
		if (refs[i].item == (size_t)-1)
			next = refs[i].line;
		else if (next < items[refs[i].item].last_line)
			items[refs[i].item].last_line = next;
	}
	free(next_bare);
	free(refs);
	return 0;
}

/* The order of matching: by rule, then first line (arg: the items). */
static int cmp_by_rule(const void *pa, const void *pb, void *arg)
{
	const suppression *items = arg;
	const suppression *a = &items[*(const size_t *)pa];
	const suppression *b = &items[*(const size_t *)pb];
	int c = strcmp(a->rule, b->rule);

	if (c != 0)
		return c;
	return (a->first_line > b->first_line) - (a->first_line < b->first_line);
}

/* Builds set->by_rule, set->reach and set->reach_item for suppress_match().
 * Returns 0, or -1. */
static int index_items(suppress_set *set)
{
	size_t k;

	set->by_rule = malloc((set->n ? set->n : 1) * sizeof(*set->by_rule));
	set->reach = malloc((set->n ? set->n : 1) * sizeof(*set->reach));
	set->reach_item = malloc((set->n ? set->n : 1) * sizeof(*set->reach_item));
	if (set->by_rule == NULL || set->reach == NULL || set->reach_item == NULL)
		return -1;
	for (k = 0; k < set->n; k++)
		set->by_rule[k] = k;
	qsort_r(set->by_rule, set->n, sizeof(*set->by_rule), cmp_by_rule, set->items);
	for (k = 0; k < set->n; k++) {
		const suppression *s = &set->items[set->by_rule[k]];

		set->reach[k] = s->last_line;
		set->reach_item[k] = set->by_rule[k];
		if (k > 0 && strcmp(set->items[set->by_rule[k - 1]].rule, s->rule) == 0 &&
		    set->reach[k - 1] > s->last_line) {
			set->reach[k] = set->reach[k - 1];
			set->reach_item[k] = set->reach_item[k - 1];
		}
	}
	return 0;
}

/* Whether byte `at` lies in a code block; *block walks the blocks forward
 * (calls come in document order). */
static int inside_code(const stmtlint_doc *doc, size_t at, size_t *block)
{
	while (*block < doc->n_blocks && doc->blocks[*block].span.end <= at)
		(*block)++;
	return *block < doc->n_blocks && doc->blocks[*block].kind == STMTLINT_BLOCK_CODE &&
	       doc->blocks[*block].span.start <= at;
}

int suppress_scan(const stmtlint_doc *doc, suppress_set *out)
{
	size_t block = 0;
	const char *t = doc->text;
	size_t len = doc->length;
	size_t i = 0;
	scan_state st;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	memset(&st, 0, sizeof(st));
	st.doc = doc;
	st.out = out;
	while (rc == 0 && i < len) {
		const char *open = memmem(t + i, len - i, "<!--", 4);
		const char *close;

		if (open == NULL)
			break;
		close = memmem(open + 4, (size_t)(t + len - open - 4), "-->", 3);
		if (close == NULL)
			break;
		i = (size_t)(close - t) + 3;
		/* a comment shown as code is text, not a directive */
		if (!inside_code(doc, (size_t)(open - t), &block))
			rc = read_comment(&st, (size_t)(open - t), (size_t)(close - t));
	}
	if (rc == 0)
		rc = close_ranges(&st);
	if (rc == 0)
		rc = index_items(out);
	free(st.ranges);
	free(st.enables);
	if (rc != 0)
		suppress_free(out);
	return rc;
}

/* Whether a suppression of the rule name[0, len) covers `line`; counts a
 * hit in the latest such suppression that starts on or before the line and
 * in the one that reaches farthest. */
static int rule_covers(suppress_set *set, const char *name, size_t len, size_t line)
{
	size_t lo = 0;
	size_t hi = set->n;
	suppression *s;

	/* the last of the rule's suppressions that starts on or before line */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const suppression *m = &set->items[set->by_rule[mid]];
		int c = cmp_rule_text(m->rule, strlen(m->rule), name, len);

		if (c < 0 || (c == 0 && m->first_line <= line))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	s = &set->items[set->by_rule[lo - 1]];
	if (cmp_rule_text(s->rule, strlen(s->rule), name, len) != 0 || set->reach[lo - 1] < line)
		return 0;
	if (s->last_line >= line)
		s->hits++;
	if (set->reach_item[lo - 1] != set->by_rule[lo - 1])
		set->items[set->reach_item[lo - 1]].hits++;
	return 1;
}

int suppress_match(suppress_set *set, const char *rule, size_t line)
{
	size_t i;
	int hit;

	if (set->n == 0)
		return 0;
	/* every rule, the rule itself, and each part of it before a '/': all
	 * of them, so that each suppression that silences the finding counts it */
	hit = rule_covers(set, "", 0, line);
	hit |= rule_covers(set, rule, strlen(rule), line);
	for (i = 0; rule[i] != '\0'; i++)
		if (rule[i] == '/')
			hit |= rule_covers(set, rule, i, line);
	return hit;
}

void suppress_free(suppress_set *set)
{
	size_t k;

	for (k = 0; k < set->n; k++)
		free(set->items[k].rule);
	free(set->items);
	free(set->by_rule);
	free(set->reach);
	free(set->reach_item);
	free(set->unknown);
	memset(set, 0, sizeof(*set));
}
