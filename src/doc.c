/* doc.c - building the document model of one draft: lines, blocks, words,
 * sentences, and the prose view that hides what is not prose. */
#include "doc.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "dateparse.h"
#include "mdblocks.h"
#include "position.h"
#include "utf8.h"
#include "yamltree.h"

/* ---- small helpers -------------------------------------------------- */

static int add_issue(sl_doc *d, const char *rule, stmtlint_severity sev, size_t start, size_t end,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int add_issue(sl_doc *d, const char *rule, stmtlint_severity sev, size_t start, size_t end,
                     const char *fmt, ...)
{
	va_list ap;
	buf msg;
	doc_issue *is;

	if (d->n_issues == d->cap_issues) {
		size_t cap = d->cap_issues ? d->cap_issues * 2 : 8;
		doc_issue *p = realloc(d->issues, cap * sizeof(*p));

		if (p == NULL)
			return -1;
		d->issues = p;
		d->cap_issues = cap;
	}
	buf_init(&msg, 0);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	is = &d->issues[d->n_issues];
	is->message = buf_steal(&msg);
	if (is->message == NULL)
		return -1;
	is->rule = rule;
	is->severity = sev;
	is->start = start;
	is->end = end;
	d->n_issues++;
	return 0;
}

/* Makes room for element n of a model array (lines, blocks, words,
 * sentences) of `size`-byte elements, counting it against the draft's model
 * budget.  Returns 0; or -1 when out of memory, or when the budget is spent
 * (then d->refused is set, at offset `at` of the text). */
static int model_reserve(sl_doc *d, void **arr, size_t *cap, size_t n, size_t size, size_t at)
{
	if (d->model_bytes + size > d->model_budget) {
		d->refused = 1;
		d->refused_at = at;
		return -1;
	}
	d->model_bytes += size;
	return array_reserve(arr, cap, n, size);
}

/* Blanks [start, end) of the prose view to spaces (line ends stay) and
 * records `why` (a stmtlint_nonprose reason) for every byte of it. */
static void blank(sl_doc *d, size_t start, size_t end, stmtlint_nonprose why)
{
	size_t i;

	for (i = start; i < end; i++) {
		if (d->prose[i] != '\n')
			d->prose[i] = ' ';
		d->nonprose[i] = (unsigned char)why;
	}
}

/* The length of the white space character at s[i] (before `end`) as a
 * reader sees it: ASCII blanks, the Unicode space separators (no-break
 * spaces included) and the zero-width space; 0 when s[i] is none, and for a
 * line end. */
static size_t space_at(const char *s, size_t i, size_t end)
{
	uint32_t cp;
	size_t n;

	if (i >= end || s[i] == '\n')
		return 0;
	if ((unsigned char)s[i] < 0x80)
		return s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v';
	n = utf8_next(s + i, end - i, &cp);
	return utf8_is_space(cp) ? n : 0;
}

/* The first byte at or after `i` (before `end`) that is not white space. */
static size_t skip_spaces(const char *s, size_t i, size_t end)
{
	size_t n;

	while ((n = space_at(s, i, end)) > 0)
		i += n;
	return i;
}

static int is_blank_span(const char *s, size_t start, size_t end)
{
	return skip_spaces(s, start, end) >= end;
}

stmtlint_doc_format doc_format_for(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;

	if (dot != NULL && (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0))
		return STMTLINT_FORMAT_MARKDOWN;
	return STMTLINT_FORMAT_TEXT;
}

/* ---- positions -------------------------------------------------------- */

size_t doc_line_of(const stmtlint_doc *doc, size_t offset)
{
	size_t lo = 0;
	size_t hi = doc->n_lines;

	if (doc->n_lines == 0)
		return 0;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (doc->lines[mid].start <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void doc_position(const stmtlint_doc *doc, size_t offset, size_t *line, size_t *column)
{
	position p = position_of(doc, offset);

	*line = p.line;
	*column = p.cp_column;
}

/* ---- dates on a date line --------------------------------------------- */

int doc_is_date_only(const char *s, size_t len)
{
	dp_date d;

	/* the dates plugin's recogniser: what the core takes for a date line,
	 * the plugin can read */
	return len > 0 && dp_parse_whole(s, len, &d) && d.year > 0 && d.form != DP_FORM_NUMERIC;
}

/* ---- front matter ------------------------------------------------------ */

static size_t line_offset_to(const sl_doc *d, size_t line, size_t column)
{
	size_t off;
	size_t col = 1;

	if (line >= d->pub.n_lines)
		return d->pub.length;
	off = d->lines[line].start;
	while (col < column && off < d->lines[line].end) {
		uint32_t cp;

		off += utf8_next(d->text + off, d->lines[line].end - off, &cp);
		col++;
	}
	return off;
}

static int meta_string(sl_doc *d, const struct stmtlint_node *root, const char *key,
                       char **value, stmtlint_span *span)
{
	const struct stmtlint_node *n = yt_get(root, key);

	if (n == NULL)
		return 0;
	if (n->kind != STMTLINT_NODE_SCALAR) {
		size_t at = line_offset_to(d, n->line - 1, n->column);

		return add_issue(d, "front-matter", STMTLINT_ERROR, at, at + 1,
		                 "front matter '%s' must be a string", key);
	}
	*value = strdup(n->scalar);
	if (*value == NULL)
		return -1;
	span->start = line_offset_to(d, n->line - 1, n->column);
	span->end = span->start;
	/* The value's span: to the end of its line, less trailing blanks. */
	{
		size_t end = d->lines[n->line - 1].end;

		while (end > span->start && (d->text[end - 1] == ' ' || d->text[end - 1] == '\t'))
			end--;
		span->end = end;
	}
	return 0;
}

/* Finds "---" ... "---" (or "...") at the top of a Markdown draft, parses it,
 * blanks it from prose and records it as a block.  Returns the first line
 * after it (0 when there is none), or (size_t)-1 when out of memory. */
static size_t front_matter(sl_doc *d)
{
	size_t i;
	size_t close = 0;
	errlist err;
	yt_doc *y;
	stmtlint_block *b;
	size_t start;
	size_t end;

	if (d->pub.n_lines < 2)
		return 0;
	if (d->lines[0].end - d->lines[0].start != 3 || strncmp(d->text, "---", 3) != 0)
		return 0;
	for (i = 1; i < d->pub.n_lines; i++) {
		const char *l = d->text + d->lines[i].start;
		size_t n = d->lines[i].end - d->lines[i].start;

		while (n > 0 && (l[n - 1] == ' ' || l[n - 1] == '\t'))
			n--;
		if (n == 3 && (strncmp(l, "---", 3) == 0 || strncmp(l, "...", 3) == 0)) {
			close = i;
			break;
		}
	}
	if (close == 0) {
		if (add_issue(d, "front-matter", STMTLINT_ERROR, 0, 3,
		              "front matter opened here is never closed with '---'; "
		              "the draft is read as if it had none") != 0)
			return (size_t)-1;
		return 0;
	}
	start = d->lines[1].start;
	end = d->lines[close].start;
	errlist_init(&err);
	y = yt_parse(d->path, d->text + start, end - start, 1, &err);
	if (y == NULL) {
		const sl_error *e = err.n > 0 ? &err.items[0] : NULL;
		size_t line = e != NULL && e->line > 0 ? e->line : 2;
		size_t at = line_offset_to(d, line - 1, e != NULL && e->column > 0 ? e->column : 1);
		int rc = add_issue(d, "front-matter", STMTLINT_ERROR, at, at, "%s",
		                   e != NULL ? e->message : "invalid YAML in front matter");

		errlist_free(&err);
		if (rc != 0)
			return (size_t)-1;
	} else {
		errlist_free(&err);
		if (y->root != NULL && y->root->kind != STMTLINT_NODE_MAPPING) {
			if (add_issue(d, "front-matter", STMTLINT_ERROR, start, start,
			              "front matter must be a mapping of keys to values") != 0) {
				yt_free(y);
				return (size_t)-1;
			}
		} else if (y->root != NULL) {
			if (meta_string(d, y->root, "title", &d->meta_title, &d->pub.meta_title_span) != 0 ||
			    meta_string(d, y->root, "date", &d->meta_date, &d->pub.meta_date_span) != 0) {
				yt_free(y);
				return (size_t)-1;
			}
		}
		yt_free(y);
	}
	blank(d, 0, d->lines[close].end, STMTLINT_NONPROSE_FRONT_MATTER);
	if (model_reserve(d, (void **)&d->blocks, &d->cap_blocks, d->pub.n_blocks, sizeof(*d->blocks),
	                  0) != 0)
		return (size_t)-1;
	b = &d->blocks[d->pub.n_blocks++];
	memset(b, 0, sizeof(*b));
	b->kind = STMTLINT_BLOCK_FRONT_MATTER;
	b->first_line = 0;
	b->last_line = close;
	b->span.start = 0;
	b->span.end = d->lines[close].end;
	b->content.start = start;
	b->content.end = end;
	b->section = -1;
	return close + 1;
}

/* ---- the prose view of a Markdown line -------------------------------- */

static int is_punct_or_space(const char *s, size_t len, size_t i, int before)
{
	uint32_t cp;
	size_t start;

	if (before) {
		if (i == 0)
			return 1;
		cp = utf8_prev(s, i, &start);
	} else {
		if (i >= len)
			return 1;
		utf8_next(s + i, len - i, &cp);
	}
	return !utf8_is_wordchar(cp);
}

static int is_space_at(const char *s, size_t len, size_t i, int before)
{
	if (before)
		return i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n';
	return i >= len || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
}

/* Whether p[j, end) starts with a closing quotation mark (” ’ ») or a
 * no-break space (U+00A0, U+202F), which end a URL as a space does; returns
 * its length, else 0. */
static size_t url_stop_at(const char *p, size_t j, size_t end)
{
	const unsigned char *u = (const unsigned char *)p + j;

	if (end - j >= 2 && ((u[0] == 0xC2 && (u[1] == 0xA0 || u[1] == 0xBB))))
		return 2;
	if (end - j >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9D || u[2] == 0x99 || u[2] == 0xAF))
		return 3;
	return 0;
}

/* The end of the URL starting at p[i]: at white space, '>', '"', a closing
 * quotation mark, or a ')' that closes no '(' of the URL (the ')' of
 * "(https://…)" or of a Markdown link); trailing punctuation but a ')'
 * belongs to the sentence. */
static size_t url_end(const char *p, size_t i, size_t end)
{
	size_t j = i;
	int depth = 0;

	while (j < end && p[j] != ' ' && p[j] != '\n' && p[j] != '\t' && p[j] != '>' && p[j] != '"' &&
	       !url_stop_at(p, j, end)) {
		if (p[j] == '(')
			depth++;
		else if (p[j] == ')' && depth-- == 0)
			break;
		j++;
	}
	/* Every ')' left in closes a '(' of the URL ("…/1.(9)"): it is the
	 * URL's own, not trailing punctuation. */
	while (j > i && strchr(".,;:!?'", p[j - 1]) != NULL)
		j--;
	return j;
}

/* Blanks URLs ("http://…", "https://…", "www.…") in [start, end) of prose. */
static void blank_urls(sl_doc *d, size_t start, size_t end)
{
	char *p = d->prose;
	size_t i;

	for (i = start; i < end; i++) {
		size_t j;

		if (!((p[i] == 'h' && (end - i > 7 && (strncmp(p + i, "http://", 7) == 0 ||
		                                        (end - i > 8 && strncmp(p + i, "https://", 8) == 0)))) ||
		      (p[i] == 'w' && end - i > 4 && strncmp(p + i, "www.", 4) == 0)))
			continue;
		if (i > start && utf8_is_wordchar((unsigned char)p[i - 1]))
			continue;
		j = url_end(p, i, end);
		blank(d, i, j, STMTLINT_NONPROSE_URL);
		i = j;
	}
}

/* Blanks Markdown inline markup in [start, end) of the prose view: code
 * spans, link targets, images, autolinks, tags, emphasis markers, escapes. */
static void blank_markdown_inline(sl_doc *d, size_t start, size_t end)
{
	char *p = d->prose;
	const char *t = d->text;
	size_t i = start;

	while (i < end) {
		char c = p[i];

		if (c == '\\' && i + 1 < end && ispunct((unsigned char)p[i + 1])) {
			blank(d, i, i + 1, STMTLINT_NONPROSE_ESCAPE);
			i += 2;
		} else if (c == '`') {
			size_t run = 0;
			size_t j;

			while (i + run < end && p[i + run] == '`')
				run++;
			for (j = i + run; j < end; j++) {
				size_t r = 0;

				while (j + r < end && p[j + r] == '`')
					r++;
				if (r == run)
					break;
				j += r;
			}
			if (j < end) {
				blank(d, i, j + run, STMTLINT_NONPROSE_CODE);
				i = j + run;
			} else {
				i += run;
			}
		} else if (c == ']' && i + 1 < end && (p[i + 1] == '(' || p[i + 1] == '[')) {
			char close = p[i + 1] == '(' ? ')' : ']';
			size_t j = i + 2;
			size_t k;

			while (j < end && p[j] != close && p[j] != '\n')
				j++;
			if (j < end && p[j] == close) {
				/* "](", the destination and ")"; or a reference's "][label]" */
				blank(d, i, j + 1, STMTLINT_NONPROSE_MARKUP);
				if (close == ')')
					blank(d, i + 2, j, STMTLINT_NONPROSE_URL);
				/* the matching '[' (and '!' of an image) */
				for (k = i; k > start; k--) {
					if (p[k - 1] == '[') {
						blank(d, k >= 2 && p[k - 2] == '!' ? k - 2 : k - 1, k,
						      STMTLINT_NONPROSE_MARKUP);
						break;
					}
				}
				i = j + 1;
			} else {
				i++;
			}
		} else if (c == '<' && i + 1 < end &&
		           (isalpha((unsigned char)p[i + 1]) || p[i + 1] == '/')) {
			size_t j = i + 1;

			/* A tag may go on over line ends ("<img\nsrc=…>"), not over a
			 * blank line. */
			while (j < end && p[j] != '>' && p[j] != '<' &&
			       !(p[j] == '\n' && j + 1 < end && p[j + 1] == '\n'))
				j++;
			if (j < end && p[j] == '>') {
				blank(d, i, j + 1, STMTLINT_NONPROSE_HTML);
				i = j + 1;
			} else {
				i++;
			}
		} else if (c == '*' || c == '_') {
			size_t run = 0;
			int opening;
			int closing;

			while (i + run < end && p[i + run] == c && run < 3)
				run++;
			opening = !is_space_at(t, end, i + run, 0) &&
			          (c == '*' || is_punct_or_space(t, end, i, 1));
			closing = !is_space_at(t, end, i, 1) &&
			          (c == '*' || is_punct_or_space(t, end, i + run, 0));
			if (opening || closing)
				blank(d, i, i + run, STMTLINT_NONPROSE_MARKUP);
			i += run;
		} else {
			i++;
		}
	}
}

/* Blanks HTML comments ("<!-- … -->") anywhere in the draft.  A "<!--"
 * never closed is a [comment] error at its start, and only its four bytes
 * are blanked: the rest of the draft is still checked.  Sets *unclosed to
 * the offset of that "<!--" (else leaves it).  Returns 0, or -1 when out of
 * memory. */
static int blank_comments(sl_doc *d, size_t from, size_t *unclosed)
{
	char *p = d->prose;
	size_t len = d->pub.length;
	size_t i = from;

	while (i + 4 <= len) {
		char *open = memmem(p + i, len - i, "<!--", 4);
		char *close;
		size_t s;
		size_t e;

		if (open == NULL)
			break;
		s = (size_t)(open - p);
		close = memmem(p + s + 4, len - s - 4, "-->", 3);
		if (close == NULL) {
			*unclosed = s;
			blank(d, s, s + 4, STMTLINT_NONPROSE_COMMENT);
			return add_issue(d, "comment", STMTLINT_ERROR, s, s + 4,
			                 "this comment is never closed with '-->': a Markdown reader sees "
			                 "none of the text after it (checked here as text)");
		}
		e = (size_t)(close - p) + 3;
		blank(d, s, e, STMTLINT_NONPROSE_COMMENT);
		i = e;
	}
	return 0;
}

/* ---- blocks ----------------------------------------------------------- */

typedef struct line_shape {
	size_t indent_bytes;      /* bytes of leading white space */
	unsigned indent;          /* columns of leading white space (tab = 4) */
	stmtlint_block_kind kind; /* what a block starting here would be; PARAGRAPH if nothing special */
	stmtlint_span marker;
	stmtlint_span number;
	int value;
	uint32_t bullet;
	unsigned level;           /* Markdown heading level */
	size_t content;           /* start of the content */
} line_shape;

static int parse_int(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Reads a section number "N. " (1-3 digits, then '.', then white space or
 * the end of the line) at p[i]; on success sets the shape's kind, number,
 * value and content and returns 1. */
static int section_number(const char *text, const char *p, size_t i, size_t e, line_shape *sh)
{
	size_t k = i;
	size_t digits;

	while (k < e && k - i < 3 && isdigit((unsigned char)p[k]))
		k++;
	digits = k - i;
	/* a Markdown escape "8\." is the number 8 and a '.' (prose blanks the '\') */
	if (k + 1 < e && text[k] == '\\' && p[k + 1] == '.')
		k++;
	if (digits == 0 || k >= e || p[k] != '.' || (k + 1 < e && space_at(p, k + 1, e) == 0))
		return 0;
	sh->kind = STMTLINT_BLOCK_SECTION;
	sh->number.start = i;
	sh->number.end = k + 1;
	sh->value = parse_int(p + i, digits);
	sh->content = skip_spaces(p, k + 1, e);
	return 1;
}

static int is_bullet_cp(uint32_t cp, int markdown)
{
	return cp == '-' || cp == '*' || cp == 0x2022 || cp == 0x25CF || cp == 0x25AA ||
	       cp == 0x2013 || cp == 0x00B7 || cp == 0x25E6 || (markdown && cp == '+');
}

/* Looks at the start of line l (in prose) to see what it would open. */
static void shape_line(const sl_doc *d, size_t l, line_shape *sh)
{
	const char *p = d->prose;
	size_t s = d->lines[l].start;
	size_t e = d->lines[l].end;
	size_t i = s;
	int md = d->pub.format == STMTLINT_FORMAT_MARKDOWN;

	memset(sh, 0, sizeof(*sh));
	sh->kind = STMTLINT_BLOCK_PARAGRAPH;
	while (i < e && space_at(p, i, e) > 0) {
		sh->indent += p[i] == '\t' ? 4 : 1;
		i += space_at(p, i, e);
	}
	sh->indent_bytes = i - s;
	sh->content = i;
	if (i >= e)
		return;
	/* an escaped first character ("\-", "\#", "\(") is text, not a marker */
	if (md && i > s && d->text[i - 1] == '\\')
		return;
	/* Markdown heading: the '#'s are already blanked in prose, so read text. */
	if (md && d->text[i] == '#') {
		size_t j = i;

		while (j < e && d->text[j] == '#')
			j++;
		if (j - i <= 6 && (j == e || d->text[j] == ' ' || d->text[j] == '\t')) {
			sh->kind = STMTLINT_BLOCK_HEADING;
			sh->level = (unsigned)(j - i);
			sh->marker.start = i;
			sh->marker.end = j;
			while (j < e && (d->text[j] == ' ' || d->text[j] == '\t'))
				j++;
			sh->content = j;
			i = j;
			/* "## 1. Title" is a numbered section */
			section_number(d->text, p, i, e, sh);
			return;
		}
	}
	/* "1. " numbered section (not "1.5", not "2011.") */
	if (sh->indent <= 3 && section_number(d->text, p, i, e, sh)) {
		sh->marker = sh->number;
		return;
	}
	/* "(1) " numbered item */
	if (p[i] == '(' && i + 2 < e && isdigit((unsigned char)p[i + 1])) {
		size_t k = i + 1;

		while (k < e && k - i - 1 < 3 && isdigit((unsigned char)p[k]))
			k++;
		if (k < e && p[k] == ')' && (k + 1 == e || space_at(p, k + 1, e) > 0)) {
			sh->kind = STMTLINT_BLOCK_ITEM;
			sh->marker.start = i;
			sh->marker.end = k + 1;
			sh->number = sh->marker;
			sh->value = parse_int(p + i + 1, k - i - 1);
			sh->content = skip_spaces(p, k + 1, e);
			return;
		}
	}
	/* bullets */
	{
		uint32_t cp;
		size_t n = utf8_next(d->text + i, e - i, &cp);

		/* the marker must still be there in prose (not an emphasis '*') */
		if (is_bullet_cp(cp, md) && p[i] == d->text[i] && i + n < e && space_at(p, i + n, e) > 0) {
			size_t k;

			sh->kind = STMTLINT_BLOCK_BULLET;
			sh->bullet = cp;
			sh->marker.start = i;
			sh->marker.end = i + n;
			k = skip_spaces(p, i + n, e);
			sh->content = k;
			/* "- (3) …" */
			if (k + 2 < e && p[k] == '(' && isdigit((unsigned char)p[k + 1])) {
				size_t m = k + 1;

				while (m < e && m - k - 1 < 3 && isdigit((unsigned char)p[m]))
					m++;
				if (m < e && p[m] == ')' && (m + 1 == e || space_at(p, m + 1, e) > 0)) {
					sh->number.start = k;
					sh->number.end = m + 1;
					sh->value = parse_int(p + k + 1, m - k - 1);
					sh->content = skip_spaces(p, m + 1, e);
				}
			}
		}
	}
}

/* A new block starting at offset `at`, or NULL (out of memory, or the
 * model's budget spent). */
static stmtlint_block *new_block(sl_doc *d, size_t at)
{
	stmtlint_block *b;

	if (model_reserve(d, (void **)&d->blocks, &d->cap_blocks, d->pub.n_blocks, sizeof(*d->blocks),
	                  at) != 0)
		return NULL;
	b = &d->blocks[d->pub.n_blocks++];
	memset(b, 0, sizeof(*b));
	b->section = -1;
	return b;
}

/* `end` less the white space (Unicode spaces too) before it, down to `start`. */
static size_t trim_end(const char *s, size_t start, size_t end)
{
	while (end > start) {
		size_t at;
		uint32_t cp;

		if (s[end - 1] == '\n' || space_at(s, end - 1, end) == 1) {
			end--;
			continue;
		}
		if ((unsigned char)s[end - 1] < 0x80)
			break;
		cp = utf8_prev(s, end, &at);
		if (at < start || !utf8_is_space(cp))
			break;
		end = at;
	}
	return end;
}

/* Whether the text of line l (in prose) ends a sentence or a clause:
 * '.', ':', ';', '!' or '?', maybe before closing quotes and brackets. */
static int line_ends_clause(const sl_doc *d, size_t l)
{
	const char *p = d->prose;
	size_t s = d->lines[l].start;
	size_t e = trim_end(p, s, d->lines[l].end);

	while (e > s && (strchr("\"')]", p[e - 1]) != NULL ||
	                 (e - s >= 3 && (memcmp(p + e - 3, "\xE2\x80\x9D", 3) == 0 ||
	                                 memcmp(p + e - 3, "\xE2\x80\x99", 3) == 0)))) {
		e -= p[e - 1] & 0x80 ? 3 : 1;
		e = trim_end(p, s, e);
	}
	return e > s && strchr(".:;!?", p[e - 1]) != NULL;
}

/* Reads an ordered list item's marker, "N." or "N)" (up to 9 digits, as
 * CommonMark allows), at the start of line l's prose into sh. */
static void ordered_marker(const sl_doc *d, size_t l, line_shape *sh)
{
	const char *p = d->prose;
	size_t e = d->lines[l].end;
	size_t i = skip_spaces(p, d->lines[l].start, e);
	size_t k = i;

	while (k < e && k - i < 9 && isdigit((unsigned char)p[k]))
		k++;
	if (k == i || k >= e || (p[k] != '.' && p[k] != ')'))
		return;
	sh->kind = STMTLINT_BLOCK_SECTION;
	sh->number.start = i;
	sh->number.end = k + 1;
	sh->marker = sh->number;
	sh->bullet = 0;
	sh->content = skip_spaces(p, k + 1, e);
}

/* Whether the marker of shape sh on line l is one CommonMark would read:
 * first on its line in the text (after white space and a block quote's
 * '>'s, not after "**"), and followed by an ASCII space or tab or the
 * line's end. */
static int commonmark_marker(const sl_doc *d, size_t l, const line_shape *sh)
{
	size_t start = sh->kind == STMTLINT_BLOCK_SECTION ? sh->number.start : sh->marker.start;
	size_t after = sh->kind == STMTLINT_BLOCK_SECTION ? sh->number.end : sh->marker.end;
	size_t i = d->lines[l].start;

	while (i < start && (d->text[i] == ' ' || d->text[i] == '\t' || d->text[i] == '>'))
		i++;
	return i == start &&
	       (after >= d->lines[l].end || d->text[after] == ' ' || d->text[after] == '\t');
}

/* In Markdown, lets CommonMark (`r`, line l's record) decide whether a
 * line shaped by its own markers ("1.", "1)", '-', '*', '+') starts a list
 * item: an ordered item is a SECTION numbered as a reader sees it (the
 * list's start plus the item's index, whatever number is written), a
 * marker that starts no item is text.  Returns 1 when CommonMark decided,
 * 0 for markers it does not know ('•', "(1)"), for headings, for items of
 * lists inside other items, and for markers a reader sees though
 * CommonMark does not (escaped, after "**", or before a Unicode space). */
static int md_list_shape(const sl_doc *d, const md_line *r, size_t l, line_shape *sh)
{
	int cm_bullet = sh->kind == STMTLINT_BLOCK_BULLET &&
	                (sh->bullet == '-' || sh->bullet == '*' || sh->bullet == '+');

	if (sh->level > 0 || r->item == MD_ITEM_NESTED)
		return 0;
	if (r->item == MD_ITEM_ORDERED) {
		if (sh->kind != STMTLINT_BLOCK_SECTION)
			ordered_marker(d, l, sh);
		if (sh->kind == STMTLINT_BLOCK_SECTION)
			sh->value = r->value;
		return 1;
	}
	if (sh->kind != STMTLINT_BLOCK_SECTION && !cm_bullet)
		return 0;
	/* "2\. **Tariffs**": an escaped number is no list, but a reader sees
	 * a numbered heading; nor are "1.\u00A0Text" and "**1. Text**", which
	 * a reader sees as numbered */
	if (sh->kind == STMTLINT_BLOCK_SECTION && d->text[sh->number.end - 2] == '\\')
		return 0;
	if (!commonmark_marker(d, l, sh))
		return 0;
	if (r->item == MD_ITEM_NONE) {
		sh->kind = STMTLINT_BLOCK_PARAGRAPH;
		sh->value = 0;
		sh->bullet = 0;
		memset(&sh->marker, 0, sizeof(sh->marker));
		memset(&sh->number, 0, sizeof(sh->number));
		sh->content = d->lines[l].start + sh->indent_bytes;
	}
	return 1;
}

/* Blanks the '>' markers of a block quote's line l (those in the run of
 * spaces and '>' that starts it) as markup. */
static void blank_quote_markers(sl_doc *d, size_t l)
{
	size_t i = d->lines[l].start;
	size_t e = d->lines[l].end;

	for (; i < e && (d->prose[i] == ' ' || d->prose[i] == '>'); i++)
		if (d->prose[i] == '>')
			blank(d, i, i + 1, STMTLINT_NONPROSE_MARKUP);
}

/* A new block of `kind` over lines [first, last], or NULL (out of memory or
 * budget). */
static stmtlint_block *new_lines_block(sl_doc *d, size_t first, size_t last,
                                       stmtlint_block_kind kind)
{
	stmtlint_block *b = new_block(d, d->lines[first].start);

	if (b != NULL) {
		b->kind = kind;
		b->first_line = first;
		b->last_line = last;
	}
	return b;
}

/* A block of lines [first, last] that is not prose: a code block, or an
 * HTML block (a COMMENT block: not prose, like a comment), blanked for
 * `why`.  Returns 0, or -1 (out of memory or budget). */
static int md_nonprose_block(sl_doc *d, size_t first, size_t last, stmtlint_block_kind kind,
                             stmtlint_nonprose why)
{
	stmtlint_block *b = new_lines_block(d, first, last, kind);

	if (b == NULL)
		return -1;
	b->span.start = d->lines[first].start;
	b->span.end = d->lines[last].end;
	b->content = b->span;
	blank(d, b->span.start, b->span.end, why);
	return 0;
}

/* A setext heading: its text on lines [first, under) and its underline on
 * line `under`, blanked as markup.  Returns 0, or -1. */
static int md_setext_heading(sl_doc *d, size_t first, size_t under, unsigned level)
{
	stmtlint_block *b = new_lines_block(d, first, under, STMTLINT_BLOCK_HEADING);

	if (b == NULL)
		return -1;
	b->depth = level;
	b->content.start = skip_spaces(d->prose, d->lines[first].start, d->lines[first].end);
	b->content.end = trim_end(d->text, b->content.start, d->lines[under - 1].end);
	b->span = b->content;
	blank(d, d->lines[under].start, d->lines[under].end, STMTLINT_NONPROSE_MARKUP);
	return 0;
}

/* Takes the Markdown blocks CommonMark finds at line *l whole: code and
 * HTML blocks, thematic breaks, setext headings (then moves *l to their
 * last line and ends *cur); and blanks a block quote's markers.  Returns 1
 * when the line was taken, 0 when segment() reads it, -1 on failure. */
static int md_block(sl_doc *d, const md_line *rec, size_t *l, stmtlint_block **cur)
{
	const md_line *r = &rec[*l];
	size_t under;

	if (r->quote)
		blank_quote_markers(d, *l);
	if (r->block_lines > 0 && (r->code || r->html)) {
		if (md_nonprose_block(d, *l, *l + r->block_lines - 1,
		                      r->code ? STMTLINT_BLOCK_CODE : STMTLINT_BLOCK_COMMENT,
		                      r->code ? STMTLINT_NONPROSE_CODE : STMTLINT_NONPROSE_HTML) != 0)
			return -1;
		*l += r->block_lines - 1;
	} else if (r->rule) {
		blank(d, d->lines[*l].start, d->lines[*l].end, STMTLINT_NONPROSE_MARKUP);
	} else if (r->heading > 0 && r->item == MD_ITEM_NONE && !r->quote &&
	           d->text[skip_spaces(d->text, d->lines[*l].start, d->lines[*l].end)] != '#') {
		for (under = *l + 1; under < d->pub.n_lines && !rec[under].underline; under++)
			;
		if (under >= d->pub.n_lines)
			return 0;
		if (md_setext_heading(d, *l, under, r->heading) != 0)
			return -1;
		*l = under;
	} else {
		return 0;
	}
	*cur = NULL;
	return 1;
}

/* Whether line l, shaped like the start of a numbered section or a
 * bullet, is instead a wrapped line of the block `cur` above it that
 * happens to start with a number or a dash ("…met on March\n14. They…").
 * In Markdown, CommonMark decides for its own markers (md_list_shape);
 * where it does not (a marker before a Unicode space), it lets only "1."
 * and '-', '*', '+' interrupt a paragraph, and any list marker start the
 * next item of a list.  Markers it does not know ('•', '–') and the
 * markers of a text draft start a bullet after a
 * list entry or a line that ends a sentence or clause, and a section when
 * it goes on from the last one (`last_section`) in a list or begins or
 * goes on with a list after such a line.  Items "(1)" always start. */
static int wrapped_marker(const sl_doc *d, const stmtlint_block *cur, size_t l,
                          const line_shape *sh, int last_section)
{
	int md = d->pub.format == STMTLINT_FORMAT_MARKDOWN;
	int cm_bullet = sh->kind == STMTLINT_BLOCK_BULLET &&
	                (sh->bullet == '-' || sh->bullet == '*' || sh->bullet == '+');
	int in_list = cur->kind == STMTLINT_BLOCK_SECTION || cur->kind == STMTLINT_BLOCK_ITEM ||
	              cur->kind == STMTLINT_BLOCK_BULLET;
	int goes_on = sh->value == last_section + 1;

	if (l == 0 || sh->level > 0 || (sh->kind != STMTLINT_BLOCK_SECTION &&
	                                sh->kind != STMTLINT_BLOCK_BULLET))
		return 0;
	if (md && (cm_bullet || (sh->kind == STMTLINT_BLOCK_SECTION && (in_list || sh->value == 1))))
		return 0;
	if (sh->kind == STMTLINT_BLOCK_BULLET)
		return !in_list && !line_ends_clause(d, l - 1);
	if (in_list && goes_on)
		return 0;
	return !(line_ends_clause(d, l - 1) && (sh->value == 1 || goes_on));
}

/* Splits the lines from `first` on into blocks; in Markdown, `rec` says
 * what CommonMark makes of each line. */
static int segment(sl_doc *d, size_t first, const md_line *rec)
{
	int md = d->pub.format == STMTLINT_FORMAT_MARKDOWN;
	stmtlint_block *cur = NULL;
	unsigned indents[64];
	size_t n_indents = 0;
	int last_section = 0;
	size_t l;

	for (l = first; l < d->pub.n_lines; l++) {
		const stmtlint_span *ln = &d->lines[l];
		line_shape sh;

		if (md) {
			int taken = md_block(d, rec, &l, &cur);

			if (taken < 0)
				return -1;
			if (taken) {
				n_indents = 0;
				continue;
			}
		}
		if (is_blank_span(d->prose, ln->start, ln->end)) {
			/* blank in prose: a blank line, or a line that is only a comment */
			if (!is_blank_span(d->text, ln->start, ln->end)) {
				size_t s = ln->start;

				while (d->text[s] == ' ' || d->text[s] == '\t')
					s++;
				if (strncmp(d->text + s, "<!--", 4) == 0 ||
				    (cur != NULL && cur->kind == STMTLINT_BLOCK_COMMENT)) {
					if (cur == NULL || cur->kind != STMTLINT_BLOCK_COMMENT) {
						cur = new_block(d, s);
						if (cur == NULL)
							return -1;
						cur->kind = STMTLINT_BLOCK_COMMENT;
						cur->first_line = l;
						cur->span.start = s;
						cur->content.start = s;
					}
					cur->last_line = l;
					cur->span.end = trim_end(d->text, s, ln->end);
					cur->content.end = cur->span.end;
					if (memmem(d->text + ln->start, ln->end - ln->start, "-->", 3) != NULL)
						cur = NULL;
					continue;
				}
			}
			cur = NULL;
			continue;
		}
		if (cur != NULL && cur->kind == STMTLINT_BLOCK_COMMENT)
			cur = NULL;
		shape_line(d, l, &sh);
		if (!(md && md_list_shape(d, &rec[l], l, &sh)) && cur != NULL &&
		    sh.kind != STMTLINT_BLOCK_PARAGRAPH && wrapped_marker(d, cur, l, &sh, last_section)) {
			sh.kind = STMTLINT_BLOCK_PARAGRAPH;   /* text that goes on */
		} else if (sh.kind == STMTLINT_BLOCK_SECTION) {
			last_section = sh.value;
		}
		if (md && sh.kind == STMTLINT_BLOCK_PARAGRAPH && cur != NULL &&
		    cur->kind != STMTLINT_BLOCK_HEADING) {
			/* a continuation line, or a lazy one (a '#' heading ends at its line) */
		} else if (!md && sh.kind == STMTLINT_BLOCK_PARAGRAPH && cur != NULL) {
			/* a continuation line */
		} else {
			cur = new_block(d, ln->start);
			if (cur == NULL)
				return -1;
			cur->kind = sh.kind;
			cur->first_line = l;
			cur->span.start = sh.marker.end > sh.marker.start ? sh.marker.start : sh.content;
			cur->marker = sh.marker;
			cur->number = sh.number;
			cur->value = sh.value;
			cur->bullet = sh.bullet;
			cur->content.start = sh.content;
			if (sh.kind == STMTLINT_BLOCK_HEADING || sh.kind == STMTLINT_BLOCK_SECTION)
				cur->depth = sh.level;
			if (sh.kind == STMTLINT_BLOCK_BULLET) {
				while (n_indents > 0 && indents[n_indents - 1] >= sh.indent)
					n_indents--;
				cur->depth = (unsigned)n_indents;
				if (n_indents < sizeof(indents) / sizeof(indents[0]))
					indents[n_indents++] = sh.indent;
			} else if (sh.indent == 0) {
				n_indents = 0;
			}
			if (md && sh.level > 0) {
				/* the heading's closing '#'s */
				size_t e = trim_end(d->text, ln->start, ln->end);
				size_t h = e;

				while (h > sh.content && d->text[h - 1] == '#')
					h--;
				if (h < e && (h == sh.content || d->text[h - 1] == ' '))
					blank(d, h, e, STMTLINT_NONPROSE_MARKUP);
				blank(d, sh.marker.start, sh.marker.end, STMTLINT_NONPROSE_MARKUP);
			}
		}
		cur->last_line = l;
		cur->span.end = trim_end(d->text, cur->span.start, ln->end);
		cur->content.end = cur->span.end;
		if (md && sh.level > 0)
			cur = NULL;   /* a heading is one line */
	}
	return 0;
}

/* The most lines a bold-only heading may wrap onto. */
#define BOLD_HEADING_MAX_LINES 2

/* Whether text[s, e) is one strong emphasis ("**…**" or "__…__") and
 * nothing else; sets [*in_s, *in_e) to what it holds, less white space. */
static int bold_only(const char *text, size_t s, size_t e, size_t *in_s, size_t *in_e)
{
	const char *inner;

	if (e - s < 5 || !((text[s] == '*' && text[s + 1] == '*') || (text[s] == '_' && text[s + 1] == '_')) ||
	    text[e - 1] != text[s] || text[e - 2] != text[s])
		return 0;
	inner = text + s + 2;
	if (memmem(inner, e - s - 4, text[s] == '*' ? "**" : "__", 2) != NULL)
		return 0;
	*in_s = skip_spaces(text, s + 2, e - 2);
	*in_e = trim_end(text, *in_s, e - 2);
	return *in_e > *in_s;
}

/* Turns each Markdown paragraph of at most BOLD_HEADING_MAX_LINES lines
 * that is only bold text, and does not end a sentence, into a HEADING of
 * depth 0: a reader sees a heading ("**Trade and Prosperity**"). Its
 * content is the bold text. */
static void bold_headings(sl_doc *d)
{
	size_t i;

	if (d->pub.format != STMTLINT_FORMAT_MARKDOWN)
		return;
	for (i = 0; i < d->pub.n_blocks; i++) {
		stmtlint_block *b = &d->blocks[i];
		size_t s;
		size_t e;

		if (b->kind != STMTLINT_BLOCK_PARAGRAPH ||
		    b->last_line - b->first_line >= BOLD_HEADING_MAX_LINES ||
		    !bold_only(d->text, skip_spaces(d->text, d->lines[b->first_line].start, b->span.end),
		               b->span.end, &s, &e) ||
		    strchr(".;,!?", d->text[e - 1]) != NULL)
			continue;
		b->kind = STMTLINT_BLOCK_HEADING;
		b->depth = 0;
		b->content.start = s;
		b->content.end = e;
	}
}

/* Names the title, the date line and the headings of the front part, and
 * links every block to the section it falls under. */
/* Every span of every block is half-open with its end at or after its
 * start, as plugin.h promises: an empty content ("# " with no heading text,
 * trimmed back past its start) is made empty at its start. */
static void normalize_spans(sl_doc *d)
{
	size_t i;

	for (i = 0; i < d->pub.n_blocks; i++) {
		stmtlint_span *spans[4] = { &d->blocks[i].span, &d->blocks[i].marker,
		                            &d->blocks[i].number, &d->blocks[i].content };
		size_t k;

		for (k = 0; k < 4; k++)
			if (spans[k]->end < spans[k]->start)
				spans[k]->end = spans[k]->start;
	}
}

static void classify(sl_doc *d)
{
	size_t i;
	size_t seen = 0;
	int front = 1;
	long section = -1;
	unsigned section_level = 0;

	d->pub.title = -1;
	d->pub.dateline = -1;
	for (i = 0; i < d->pub.n_blocks; i++) {
		stmtlint_block *b = &d->blocks[i];
		/* a block whose content is empty may have it end before it starts */
		size_t clen = b->content.end > b->content.start ? b->content.end - b->content.start : 0;
		int one_line = b->first_line == b->last_line;

		if (b->kind == STMTLINT_BLOCK_COMMENT || b->kind == STMTLINT_BLOCK_CODE)
			b->section = section;
		if (b->kind == STMTLINT_BLOCK_FRONT_MATTER || b->kind == STMTLINT_BLOCK_COMMENT ||
		    b->kind == STMTLINT_BLOCK_CODE)
			continue;
		seen++;
		if (b->kind == STMTLINT_BLOCK_SECTION) {
			front = 0;
			section = (long)i;
			section_level = b->depth;
		} else if (b->kind == STMTLINT_BLOCK_HEADING && section >= 0 && b->depth > 0 &&
		           b->depth <= section_level) {
			section = -1;
		}
		if (b->kind == STMTLINT_BLOCK_ITEM || b->kind == STMTLINT_BLOCK_BULLET)
			front = 0;
		b->section = b->kind == STMTLINT_BLOCK_SECTION ? -1 : section;
		if (!front || seen > 8)
			continue;
		if (d->pub.dateline < 0 && one_line &&
		    (b->kind == STMTLINT_BLOCK_PARAGRAPH || b->kind == STMTLINT_BLOCK_HEADING) &&
		    doc_is_date_only(d->prose + b->content.start, clen)) {
			b->kind = STMTLINT_BLOCK_DATELINE;
			d->pub.dateline = (long)i;
			continue;
		}
		if (d->pub.title < 0 && seen == 1 &&
		    ((b->kind == STMTLINT_BLOCK_HEADING && b->depth == 1) ||
		     (b->kind == STMTLINT_BLOCK_PARAGRAPH && d->pub.format == STMTLINT_FORMAT_TEXT &&
		      b->last_line - b->first_line < 3))) {
			b->kind = STMTLINT_BLOCK_TITLE;
			d->pub.title = (long)i;
			continue;
		}
		if (d->pub.format == STMTLINT_FORMAT_TEXT && b->kind == STMTLINT_BLOCK_PARAGRAPH &&
		    one_line && clen > 0 && clen < 120 &&
		    strchr(".;:,!?", d->text[b->content.end - 1]) == NULL &&
		    isupper((unsigned char)d->text[b->content.start])) {
			b->kind = STMTLINT_BLOCK_HEADING;
			continue;
		}
		if (b->kind == STMTLINT_BLOCK_PARAGRAPH && clen >= 120)
			front = 0;
	}
}

/* ---- words and sentences ------------------------------------------------ */

static int is_joiner(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int find_words(sl_doc *d)
{
	const char *p = d->prose;
	size_t len = d->pub.length;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n;
		size_t start;

		if ((unsigned char)p[i] < 0x80 && !isalnum((unsigned char)p[i])) {
			i++;
			continue;
		}
		n = utf8_next(p + i, len - i, &cp);
		if (!utf8_is_wordchar(cp)) {
			i += n;
			continue;
		}
		start = i;
		i += n;
		for (;;) {
			size_t m;

			if (i >= len)
				break;
			m = utf8_next(p + i, len - i, &cp);
			if (utf8_is_wordchar(cp)) {
				i += m;
				continue;
			}
			if (is_joiner(cp) && i + m < len) {
				uint32_t after;

				utf8_next(p + i + m, len - i - m, &after);
				if (utf8_is_wordchar(after)) {
					i += m;
					continue;
				}
			}
			break;
		}
		if (model_reserve(d, (void **)&d->words, &d->cap_words, d->pub.n_words, sizeof(*d->words),
		                  start) != 0)
			return -1;
		d->words[d->pub.n_words].start = start;
		d->words[d->pub.n_words].end = i;
		d->pub.n_words++;
	}
	return 0;
}

static const char *const abbreviations[] = {
	"mr", "mrs", "ms", "dr", "st", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "etc", "vs", "inc", "ltd", "co",
	"corp", "gov", "amb", "sen", "rep", "gen", "lt", "col", "prof", "jr", "sr", "approx",
	"art", "para", "fig", "vol", "ed", "op", "cf", NULL
};

static int word_in(const char *w, size_t n, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0)
			return 1;
	return 0;
}

/* Whether the '.' at p[dot] ends an abbreviation rather than a sentence. */
static int ends_abbreviation(const char *p, size_t from, size_t dot)
{
	size_t s = dot;

	while (s > from && (isalpha((unsigned char)p[s - 1]) || p[s - 1] == '.'))
		s--;
	if (dot - s == 1 && isupper((unsigned char)p[s]))
		return 1;   /* an initial: "D.", "J." */
	if (memchr(p + s, '.', dot - s) != NULL)
		return 1;   /* "U.S.", "D.C.", "e.g." */
	return word_in(p + s, dot - s, abbreviations);
}

static int add_sentence(sl_doc *d, size_t start, size_t end)
{
	end = trim_end(d->prose, start, end);
	if (end <= start)
		return 0;
	if (model_reserve(d, (void **)&d->sentences, &d->cap_sentences, d->pub.n_sentences,
	                  sizeof(*d->sentences), start) != 0)
		return -1;
	d->sentences[d->pub.n_sentences].start = start;
	d->sentences[d->pub.n_sentences].end = end;
	d->pub.n_sentences++;
	return 0;
}

static int find_sentences(sl_doc *d)
{
	const char *p = d->prose;
	size_t bi;

	for (bi = 0; bi < d->pub.n_blocks; bi++) {
		const stmtlint_block *b = &d->blocks[bi];
		size_t i = b->content.start;
		size_t end = b->content.end;
		size_t start;

		if (b->kind == STMTLINT_BLOCK_FRONT_MATTER || b->kind == STMTLINT_BLOCK_COMMENT ||
		    b->kind == STMTLINT_BLOCK_CODE)
			continue;
		i = skip_spaces(p, i, end);
		start = i;
		while (i < end) {
			char c = p[i];
			size_t j;

			if (c != '.' && c != '!' && c != '?') {
				i++;
				continue;
			}
			j = i + 1;
			while (j < end && strchr("\"')]", p[j]) != NULL)
				j++;
			if (j + 3 <= end && (strncmp(p + j, "\xE2\x80\x9D", 3) == 0 ||
			                     strncmp(p + j, "\xE2\x80\x99", 3) == 0))
				j += 3;
			if (j < end && p[j] != '\n' && space_at(p, j, end) == 0) {
				i = j > i + 1 ? j : i + 1;
				continue;
			}
			if (c == '.' && ends_abbreviation(p, start, i)) {
				i = j;
				continue;
			}
			{
				size_t k = j;

				while (k < end && (p[k] == '\n' || space_at(p, k, end) > 0))
					k += p[k] == '\n' ? 1 : space_at(p, k, end);
				if (k < end && islower((unsigned char)p[k])) {
					i = k;
					continue;
				}
				if (add_sentence(d, start, j) != 0)
					return -1;
				start = k;
				i = k;
			}
		}
		if (start < end && add_sentence(d, start, end) != 0)
			return -1;
	}
	return 0;
}

/* ---- the whole model ---------------------------------------------------- */

/* The end of the line that starts at `from`: the first "\n" or "\r" at or
 * after it, or len. */
static size_t line_end(const char *text, size_t len, size_t from)
{
	const char *p = text + from;
	const char *end = text + len;

	while (p < end && *p != '\n' && *p != '\r')
		p++;
	return (size_t)(p - text);
}

/* Splits the text into lines: "\n", "\r\n" and a lone "\r" each end one.
 * Returns 0, or -1 (out of memory, or the model's budget spent). */
static int find_lines(sl_doc *d)
{
	size_t cap = 0;
	size_t i = 0;
	size_t len = d->pub.length;

	for (;;) {
		size_t e = line_end(d->text, len, i);
		size_t last_end = d->pub.n_lines ? d->lines[d->pub.n_lines - 1].end : 0;
		stmtlint_span *l;

		/* when the budget runs out, say so at the end of the last line modelled */
		if (model_reserve(d, (void **)&d->lines, &cap, d->pub.n_lines, sizeof(*d->lines),
		                  last_end) != 0)
			return -1;
		l = &d->lines[d->pub.n_lines++];
		l->start = i;
		l->end = e;
		if (e == len)
			break;
		i = e + 1;
		if (d->text[e] == '\r' && i < len && d->text[i] == '\n') {
			d->crlf = 1;
			i++;
		}
		if (i == len)
			break;   /* a final line end ends the last line; it opens none */
	}
	return 0;
}

/* What a run of invalid UTF-8 bytes most likely is, from its first bytes. */
static const char *invalid_utf8_kind(const unsigned char *b, size_t n)
{
	if (b[0] == 0xC0 || b[0] == 0xC1 || (n > 1 && b[0] == 0xE0 && b[1] < 0xA0) ||
	    (n > 1 && b[0] == 0xF0 && b[1] < 0x90))
		return " (an overlong encoding)";
	if (n > 1 && b[0] == 0xED && b[1] >= 0xA0)
		return " (a UTF-16 surrogate, which UTF-8 may not encode)";
	if (b[0] >= 0xF8)
		return " (never used in UTF-8; Latin-1 or Windows-1252?)";
	if (b[0] >= 0xF5 || (n > 1 && b[0] == 0xF4 && b[1] >= 0x90))
		return " (beyond the last Unicode code point)";
	if (b[0] < 0xC0)
		return " (a continuation byte with no lead byte; Latin-1 or Windows-1252?)";
	if (n == 1)
		return " (an incomplete sequence; Latin-1 or Windows-1252?)";
	return "";
}

/* Copies the draft, replacing invalid UTF-8 by '?' and noting where: one
 * finding for each run of invalid bytes. */
static int copy_text(sl_doc *d, const char *data, size_t len)
{
	size_t i = 0;
	size_t reported = 0;
	size_t bad = 0;
	size_t first_unreported = 0;

	d->text = malloc(len + 1);
	d->prose = malloc(len + 1);
	d->nonprose = calloc(len + 1, 1);
	if (d->text == NULL || d->prose == NULL || d->nonprose == NULL)
		return -1;
	/* the record of why bytes are not prose is part of the model */
	d->model_bytes += len + 1;
	memcpy(d->text, data, len);
	d->text[len] = '\0';
	while (i < len) {
		uint32_t cp;
		size_t n;
		size_t run;
		char bytes[8 * 5 + 8];
		size_t k;
		size_t used = 0;

		if ((unsigned char)d->text[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(d->text + i, len - i, &cp);
		if (n > 0) {
			i += n;
			continue;
		}
		/* The run: this byte and the invalid non-ASCII bytes right after it. */
		for (run = 1; i + run < len && (unsigned char)d->text[i + run] >= 0x80 &&
		              utf8_decode(d->text + i + run, len - i - run, &cp) == 0; run++)
			;
		bad++;
		if (reported < DOC_MAX_ENCODING_ISSUES) {
			for (k = 0; k < run && k < 8; k++)
				used += (size_t)snprintf(bytes + used, sizeof(bytes) - used, "%s0x%02X",
				                         k ? " " : "", (unsigned char)d->text[i + k]);
			if (run > 8)
				snprintf(bytes + used, sizeof(bytes) - used, " …");
			if (add_issue(d, "encoding", STMTLINT_ERROR, i, i + run,
			              "invalid UTF-8 byte%s %s%s; the draft must be UTF-8 (read as '?')",
			              run > 1 ? "s" : "", bytes,
			              invalid_utf8_kind((const unsigned char *)d->text + i, run)) != 0)
				return -1;
			reported++;
		} else if (first_unreported == 0) {
			first_unreported = i;
		}
		memset(d->text + i, '?', run);
		i += run;
	}
	if (bad > reported &&
	    add_issue(d, "encoding", STMTLINT_ERROR, first_unreported, first_unreported + 1,
	              "%zu more runs of invalid UTF-8 bytes after this one are not listed",
	              bad - reported) != 0)
		return -1;
	memcpy(d->prose, d->text, len + 1);
	/* White space is a space in prose, and every line end a "\n": the CR of
	 * "\r\n" becomes a space, a lone CR a newline. */
	for (i = 0; i < len; i++) {
		if (d->prose[i] == '\r')
			d->prose[i] = i + 1 < len && d->prose[i + 1] == '\n' ? ' ' : '\n';
		else if (d->prose[i] == '\t' || d->prose[i] == '\f' || d->prose[i] == '\v')
			d->prose[i] = ' ';
	}
	return 0;
}

/* Turns a draft whose model passed its budget into a refused one: frees its
 * blocks, words and sentences, keeps the lines found (they reach the place
 * where the budget ran out) and the issues before that place, and adds the
 * [input] error there.  Returns 0, or -1 when out of memory. */
static int refuse(sl_doc *d)
{
	size_t i;
	size_t kept = 0;

	free(d->blocks);
	free(d->words);
	free(d->sentences);
	d->blocks = NULL;
	d->words = NULL;
	d->sentences = NULL;
	d->pub.n_blocks = 0;
	d->pub.n_words = 0;
	d->pub.n_sentences = 0;
	d->pub.title = -1;
	d->pub.dateline = -1;
	for (i = 0; i < d->n_issues; i++) {
		if (d->issues[i].start <= d->refused_at)
			d->issues[kept++] = d->issues[i];
		else
			free(d->issues[i].message);
	}
	d->n_issues = kept;
	return add_issue(d, "input", STMTLINT_ERROR, d->refused_at, d->refused_at,
	                 "the draft is not checked: its model (lines, blocks, words and sentences, "
	                 "and for Markdown the CommonMark tree they are read from) passes the memory budget of %zu MiB here (%d bytes for each byte of the "
	                 "draft, plus %zu MiB)", d->model_budget >> 20, DOC_MODEL_BYTES_PER_BYTE,
	                 DOC_MODEL_MIN_BUDGET >> 20);
}

sl_doc *doc_build(const char *path, const char *data, size_t len, stmtlint_doc_format format)
{
	sl_doc *d = calloc(1, sizeof(*d));
	size_t first;
	md_line *rec = NULL;
	size_t unclosed = SIZE_MAX;
	int rc;

	if (d == NULL)
		return NULL;
	d->path = strdup(path);
	if (d->path == NULL)
		goto fail;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		d->bom = 3;
		d->pub.bom = 3;
		data += 3;
		len -= 3;
	}
	d->pub.length = len;
	d->pub.format = format;
	d->pub.path = d->path;
	d->model_budget = len > (SIZE_MAX - DOC_MODEL_MIN_BUDGET) / DOC_MODEL_BYTES_PER_BYTE
	                  ? SIZE_MAX : len * DOC_MODEL_BYTES_PER_BYTE + DOC_MODEL_MIN_BUDGET;
	if (copy_text(d, data, len) != 0)
		goto fail;
	d->pub.text = d->text;
	d->pub.prose = d->prose;
	d->pub.nonprose = d->nonprose;
	if (find_lines(d) != 0)
		goto fail;
	d->pub.lines = d->lines;
	first = 0;
	if (format == STMTLINT_FORMAT_MARKDOWN) {
		first = front_matter(d);
		if (first == (size_t)-1)
			goto fail;
	}
	if (blank_comments(d, first < d->pub.n_lines ? d->lines[first].start : len, &unclosed) != 0)
		goto fail;
	blank_urls(d, 0, len);
	if (format == STMTLINT_FORMAT_MARKDOWN && first < d->pub.n_lines)
		blank_markdown_inline(d, d->lines[first].start, len);
	if (format == STMTLINT_FORMAT_MARKDOWN) {
		int spent;

		rec = md_lines_read(d->text, len, d->lines, d->pub.n_lines, first, unclosed,
		                    d->model_budget - d->model_bytes, &spent);
		if (rec == NULL) {
			/* CommonMark's reading (its tree) passes the model's budget */
			d->refused = spent;
			d->refused_at = len;
			goto fail;
		}
	}
	rc = segment(d, first, rec);
	free(rec);
	if (rc != 0)
		goto fail;
	bold_headings(d);
	normalize_spans(d);
	classify(d);
	if (find_words(d) != 0 || find_sentences(d) != 0)
		goto fail;
	d->pub.blocks = d->blocks;
	d->pub.words = d->words;
	d->pub.sentences = d->sentences;
	d->pub.meta_title = d->meta_title;
	d->pub.meta_date = d->meta_date;
	return d;
fail:
	if (d->refused && refuse(d) == 0) {
		d->pub.lines = d->lines;
		d->pub.blocks = NULL;
		d->pub.words = NULL;
		d->pub.sentences = NULL;
		d->pub.meta_title = d->meta_title;
		d->pub.meta_date = d->meta_date;
		return d;
	}
	doc_free(d);
	return NULL;
}

void doc_free(sl_doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n_issues; i++)
		free(d->issues[i].message);
	free(d->issues);
	free(d->path);
	free(d->text);
	free(d->prose);
	free(d->nonprose);
	free(d->lines);
	free(d->blocks);
	free(d->words);
	free(d->sentences);
	free(d->meta_title);
	free(d->meta_date);
	free(d);
}
