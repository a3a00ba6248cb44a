/* mdblocks.c - what CommonMark (libcmark) says each line of a Markdown
 * draft is.  Only block positions are taken from cmark: its source
 * positions of blocks are lines, which hold; the reader keeps its own
 * byte-exact pass over inline markup. */
#include "mdblocks.h"

#include <cmark.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- cmark's memory: one bounded arena per parse ---------------------- */

/* A piece of the arena: its header, then its bytes. */
typedef struct arena_chunk {
	struct arena_chunk *prev;
	size_t size;          /* bytes after the header */
	size_t used;
	size_t last;          /* offset of the last allocation's header */
} arena_chunk;

/* The memory cmark may use for one draft: chunks taken as needed, at most
 * `limit` bytes in all.  cmark cannot fail an allocation, so when the
 * limit is reached (or malloc fails) its allocator jumps back to
 * parse_bounded(), and md_lines_read() drops the whole arena. */
typedef struct md_arena {
	arena_chunk *top;
	size_t limit;
	size_t taken;         /* bytes of all chunks */
	int out_of_memory;    /* the jump was malloc's failure, not the limit */
	jmp_buf spent;
} md_arena;

/* cmark's allocator has no context argument: the arena of this thread's
 * parse. */
static _Thread_local md_arena *arena_now;

/* Each allocation is a header holding its size, then the bytes, aligned. */
#define ARENA_ALIGN 16u
/* The bytes of a chunk's header, aligned. */
#define CHUNK_HEADER ((sizeof(arena_chunk) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))
/* The smallest chunk; each new one is at least twice the last. */
#define ARENA_MIN_CHUNK ((size_t)64 << 10)

/* Makes a chunk with room for `need` bytes, or jumps back. */
static void arena_grow(md_arena *a, size_t need)
{
	size_t size = a->top != NULL ? a->top->size * 2 : ARENA_MIN_CHUNK;
	arena_chunk *c;

	if (size < need)
		size = need;
	if (size > a->limit - a->taken)
		size = a->limit - a->taken;
	if (size < need)
		longjmp(a->spent, 1);
	c = malloc(CHUNK_HEADER + size);
	if (c == NULL) {
		a->out_of_memory = 1;
		longjmp(a->spent, 1);
	}
	c->prev = a->top;
	c->size = size;
	c->used = 0;
	c->last = 0;
	a->top = c;
	a->taken += size;
}

static void *arena_alloc(size_t size)
{
	md_arena *a = arena_now;
	arena_chunk *c = a->top;
	size_t need;

	if (size > a->limit)
		longjmp(a->spent, 1);
	need = ARENA_ALIGN + ((size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1));
	if (c == NULL || need > c->size - c->used) {
		arena_grow(a, need);
		c = a->top;
	}
	c->last = c->used;
	memcpy((char *)c + CHUNK_HEADER + c->used, &size, sizeof(size));
	c->used += need;
	return (char *)c + CHUNK_HEADER + c->last + ARENA_ALIGN;
}

/* Whether p is the last allocation of the arena's newest chunk. */
static int arena_is_last(const md_arena *a, const void *p)
{
	return a->top != NULL && a->top->used > 0 &&
	       (const char *)p == (const char *)a->top + CHUNK_HEADER + a->top->last + ARENA_ALIGN;
}

static void *arena_calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		longjmp(arena_now->spent, 1);
	p = arena_alloc(n * size);
	memset(p, 0, n * size);
	return p;
}

static void *arena_realloc(void *p, size_t size)
{
	md_arena *a = arena_now;
	size_t old;
	void *q;

	if (p == NULL)
		return arena_alloc(size);
	memcpy(&old, (char *)p - ARENA_ALIGN, sizeof(old));
	if (arena_is_last(a, p)) {
		/* the last allocation grows in place when its chunk has room */
		arena_chunk *c = a->top;
		size_t need = ARENA_ALIGN + ((size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1));

		if (size <= a->limit && need <= c->size - c->last) {
			memcpy((char *)p - ARENA_ALIGN, &size, sizeof(size));
			c->used = c->last + need;
			return p;
		}
	}
	q = arena_alloc(size);
	memcpy(q, p, old < size ? old : size);
	return q;
}

/* Only the last allocation is given back; the rest goes with the arena. */
static void arena_free(void *p)
{
	md_arena *a = arena_now;

	if (p != NULL && arena_is_last(a, p))
		a->top->used = a->top->last;
}

/* Frees every chunk of the arena. */
static void arena_drop(md_arena *a)
{
	while (a->top != NULL) {
		arena_chunk *c = a->top;

		a->top = c->prev;
		free(c);
	}
}

static cmark_mem arena_mem = { arena_calloc, arena_realloc, arena_free };

/* The text cmark reads: text itself, or a copy whose bytes before `from`
 * are spaces (line ends kept), so that front matter reads as blank lines,
 * and whose "<!--" at `unclosed` (unless SIZE_MAX) is "\<!-", text.  Sets
 * *copy to what the caller frees (NULL when text is used itself). */
static const char *source_text(const char *text, size_t len, size_t from, size_t unclosed,
                               char **copy)
{
	size_t i;

	*copy = NULL;
	if (from == 0 && unclosed == SIZE_MAX)
		return text;
	*copy = malloc(len + 1);
	if (*copy == NULL)
		return NULL;
	memcpy(*copy, text, len);
	(*copy)[len] = '\0';
	for (i = 0; i < from; i++)
		if ((*copy)[i] != '\n' && (*copy)[i] != '\r')
			(*copy)[i] = ' ';
	if (unclosed != SIZE_MAX && unclosed + 4 <= len)
		memcpy(*copy + unclosed, "\\<!-", 4);
	return *copy;
}

/* Whether `line` of text holds only spaces and tabs. */
static int blank_line(const char *text, const stmtlint_span *line)
{
	size_t i;

	for (i = line->start; i < line->end; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
			return 0;
	return 1;
}

/* Whether `line` of text starts (after up to three spaces) with "<!--":
 * an HTML block that is a comment, which the reader finds itself so that
 * one never closed hides nothing after it. */
static int starts_comment(const char *text, const stmtlint_span *line)
{
	size_t i = line->start;

	while (i < line->end && i - line->start < 3 && text[i] == ' ')
		i++;
	return line->end - i >= 4 && memcmp(text + i, "<!--", 4) == 0;
}

/* Numbers the items of ordered list `list` as a reader sees them: the
 * list's start, then one more for each item. */
static void number_items(cmark_node *list, md_line *rec, size_t n_lines)
{
	long long value = cmark_node_get_list_start(list);
	cmark_node *item;

	for (item = cmark_node_first_child(list); item != NULL; item = cmark_node_next(item)) {
		int line = cmark_node_get_start_line(item);

		if (line >= 1 && (size_t)line <= n_lines && rec[line - 1].value == 0 &&
		    rec[line - 1].item == MD_ITEM_ORDERED)
			rec[line - 1].value = value > INT_MAX ? INT_MAX : (int)value;
		value++;
	}
}

/* What list item `item` is: of a bullet list, of an ordered list at the
 * top (or in a block quote), or of an ordered list inside another item. */
static md_item item_kind(cmark_node *item)
{
	cmark_node *list = cmark_node_parent(item);
	cmark_node *up;

	if (cmark_node_get_list_type(list) != CMARK_ORDERED_LIST)
		return MD_ITEM_BULLET;
	for (up = cmark_node_parent(list); up != NULL; up = cmark_node_parent(up))
		if (cmark_node_get_type(up) == CMARK_NODE_ITEM)
			return MD_ITEM_NESTED;
	return MD_ITEM_ORDERED;
}

/* Records what block `node` (lines [first, last], 0-based) says of them. */
static void record_block(cmark_node *node, const char *text, const stmtlint_span *lines,
                         md_line *rec, size_t first, size_t last)
{
	size_t l;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_CODE_BLOCK:
		rec[first].block_lines = (uint32_t)(last - first + 1);
		for (l = first; l <= last; l++)
			rec[l].code = 1;
		break;
	case CMARK_NODE_HTML_BLOCK:
		if (starts_comment(text, &lines[first]))
			break;
		rec[first].block_lines = (uint32_t)(last - first + 1);
		for (l = first; l <= last; l++)
			rec[l].html = 1;
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		for (l = first; l <= last; l++)
			rec[l].quote = 1;
		break;
	case CMARK_NODE_ITEM:
		/* "- 1. …": the outer item is the one its line starts */
		if (rec[first].item == MD_ITEM_NONE)
			rec[first].item = item_kind(node) & 3u;
		break;
	case CMARK_NODE_LIST:
		break;
	case CMARK_NODE_HEADING:
		rec[first].heading = (unsigned)cmark_node_get_heading_level(node) & 7u;
		if (last > first)
			rec[last].underline = 1;
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		rec[first].rule = 1;
		break;
	default:
		break;
	}
}

/* Records what the blocks of the tree under `root` say of the lines. */
static void record_tree(cmark_node *root, const char *text, const stmtlint_span *lines,
                        size_t n_lines, md_line *rec)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		int s = cmark_node_get_start_line(node);
		int e = cmark_node_get_end_line(node);

		if (ev != CMARK_EVENT_ENTER || s < 1 || (size_t)s > n_lines)
			continue;
		if (e < s)
			e = s;
		if ((size_t)e > n_lines)
			e = (int)n_lines;
		/* cmark's blocks may end on the blank lines after them */
		while (e > s && blank_line(text, &lines[e - 1]))
			e--;
		record_block(node, text, lines, rec, (size_t)s - 1, (size_t)e - 1);
	}
	/* the items' numbers, once every item's line is known */
	cmark_iter_reset(it, root, CMARK_EVENT_ENTER);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_LIST &&
		    cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
			number_items(node, rec, n_lines);
	}
}

/* Parses src[0, len) with cmark in arena `a` and records its blocks in
 * rec.  Returns 0, or -1 when the arena was spent. */
static int parse_bounded(md_arena *a, const char *src, size_t len, const char *text,
                         const stmtlint_span *lines, size_t n_lines, md_line *rec)
{
	cmark_parser *parser;

	if (setjmp(a->spent) != 0) {
		arena_now = NULL;
		return -1;
	}
	arena_now = a;
	parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, &arena_mem);
	cmark_parser_feed(parser, src, len);
	record_tree(cmark_parser_finish(parser), text, lines, n_lines, rec);
	arena_now = NULL;
	return 0;
}

md_line *md_lines_read(const char *text, size_t len, const stmtlint_span *lines, size_t n_lines,
                       size_t first, size_t unclosed, size_t budget, int *spent)
{
	md_line *rec;
	char *copy;
	const char *src;
	md_arena arena;
	int rc;

	*spent = 0;
	/* (block_lines counts lines in 32 bits) */
	if (budget / sizeof(*rec) <= n_lines || n_lines > UINT32_MAX) {
		*spent = 1;
		return NULL;
	}
	rec = calloc(n_lines ? n_lines : 1, sizeof(*rec));
	if (rec == NULL || first >= n_lines)
		return rec;
	src = source_text(text, len, lines[first].start, unclosed, &copy);
	if (src == NULL) {
		free(rec);
		return NULL;
	}
	memset(&arena, 0, sizeof(arena));
	arena.limit = budget - n_lines * sizeof(*rec);
	rc = parse_bounded(&arena, src, len, text, lines, n_lines, rec);
	arena_drop(&arena);
	free(copy);
	if (rc != 0) {
		/* cmark asked for more than the budget: all it built is dropped */
		free(rec);
		*spent = !arena.out_of_memory;
		return NULL;
	}
	return rec;
}
