/* suppress.c - suppression comments in drafts. */
#include "suppress.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static int push(suppress_set *set, const char *rule, size_t rlen, size_t first, size_t last,
                size_t offset)
{
	suppression *p;

	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 16;

		p = realloc(set->items, cap * sizeof(*p));
		if (p == NULL)
			return -1;
		set->items = p;
		set->cap = cap;
	}
	p = set->items;
	p[set->n].rule = strndup(rule, rlen);
	if (p[set->n].rule == NULL)
		return -1;
	p[set->n].first_line = first;
	p[set->n].last_line = last;
	p[set->n].offset = offset;
	p[set->n].length = rlen;
	set->n++;
	return 0;
}

/* The last answer of next_nonblank(): the lines after `from` and before
 * `found` are blank, and `found` is not (or is the line count). */
typedef struct nonblank_memo {
	size_t from;
	size_t found;
	int valid;
} nonblank_memo;

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
static size_t next_nonblank(const stmtlint_doc *doc, size_t line, nonblank_memo *memo)
{
	size_t l;

	if (memo->valid && line >= memo->from && line < memo->found)
		return memo->found;
	for (l = line + 1; l < doc->n_lines && line_blank(doc, l); l++)
		;
	memo->from = line;
	memo->found = l;
	memo->valid = 1;
	return l;
}

int suppress_scan(const stmtlint_doc *doc, suppress_set *out)
{
	const char *t = doc->text;
	size_t len = doc->length;
	size_t i = 0;
	nonblank_memo memo = { 0, 0, 0 };

	out->items = NULL;
	out->n = 0;
	out->cap = 0;
	while (i < len) {
		const char *open = memmem(t + i, len - i, "<!--", 4);
		const char *close;
		const char *p;
		const char *word;
		size_t wlen;
		size_t line;
		int kind;   /* 0 disable, 1 enable, 2 next line */

		if (open == NULL)
			break;
		close = memmem(open + 4, (size_t)(t + len - open - 4), "-->", 3);
		if (close == NULL)
			break;
		i = (size_t)(close - t) + 3;
		p = open + 4;
		while (p < close && isspace((unsigned char)*p))
			p++;
		word = p;
		while (p < close && !isspace((unsigned char)*p))
			p++;
		wlen = (size_t)(p - word);
		if (wlen == 26 && strncmp(word, "stmtlint-disable-next-line", 26) == 0)
			kind = 2;
		else if (wlen == 16 && strncmp(word, "stmtlint-disable", 16) == 0)
			kind = 0;
		else if (wlen == 15 && strncmp(word, "stmtlint-enable", 15) == 0)
			kind = 1;
		else
			continue;
		line = doc_line_of(doc, (size_t)(open - t));
		{
			int any = 0;

			for (;;) {
				const char *r;

				while (p < close && (isspace((unsigned char)*p) || *p == ','))
					p++;
				if (p >= close)
					break;
				r = p;
				while (p < close && !isspace((unsigned char)*p) && *p != ',')
					p++;
				any = 1;
				if (kind == 1) {
					size_t k;

					for (k = 0; k < out->n; k++)
						if (out->items[k].last_line == (size_t)-1 &&
						    strlen(out->items[k].rule) == (size_t)(p - r) &&
						    strncmp(out->items[k].rule, r, (size_t)(p - r)) == 0)
							out->items[k].last_line = line;
				} else {
					size_t first = kind == 2 ? next_nonblank(doc, doc_line_of(doc, (size_t)(close - t)), &memo)
					                         : line;
					size_t last = kind == 2 ? first : (size_t)-1;

					if (push(out, r, (size_t)(p - r), first, last, (size_t)(r - t)) != 0)
						return -1;
				}
			}
			if (!any) {
				if (kind == 1) {
					size_t k;

					for (k = 0; k < out->n; k++)
						if (out->items[k].last_line == (size_t)-1)
							out->items[k].last_line = line;
				} else {
					size_t first = kind == 2 ? next_nonblank(doc, doc_line_of(doc, (size_t)(close - t)), &memo)
					                         : line;

					if (push(out, "", 0, first, kind == 2 ? first : (size_t)-1,
					         (size_t)(word - t)) != 0)
						return -1;
				}
			}
		}
	}
	return 0;
}

int suppress_match(const suppress_set *set, const char *rule, size_t line)
{
	size_t k;

	for (k = 0; k < set->n; k++) {
		const suppression *s = &set->items[k];
		size_t rl = strlen(s->rule);

		if (line < s->first_line || line > s->last_line)
			continue;
		if (rl == 0 || strcmp(s->rule, rule) == 0 ||
		    (strncmp(s->rule, rule, rl) == 0 && rule[rl] == '/'))
			return 1;
	}
	return 0;
}

void suppress_free(suppress_set *set)
{
	size_t k;

	for (k = 0; k < set->n; k++)
		free(set->items[k].rule);
	free(set->items);
	set->items = NULL;
	set->n = 0;
	set->cap = 0;
}
