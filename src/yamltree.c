/* yamltree.c - YAML documents as trees of nodes that remember their positions. */
#include "yamltree.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "fileio.h"

typedef struct build {
	yaml_document_t *ydoc;
	yt_doc *out;
	const char *text;
	size_t len;
	size_t line_base;
	errlist *err;
	int failed;
	size_t scalar_bytes;   /* bytes of scalars copied so far, aliases included */
} build;

static void node_free(struct stmtlint_node *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		node_free(n->items[i]);
		if (n->keys != NULL)
			node_free(n->keys[i]);
	}
	free(n->items);
	free(n->keys);
	free(n->scalar);
	free(n);
}

void yt_free(yt_doc *doc)
{
	if (doc == NULL)
		return;
	node_free(doc->root);
	free(doc->file);
	free(doc);
}

/* Column in code points of a libyaml mark (libyaml counts characters already). */
static struct stmtlint_node *node_new(build *b, stmtlint_node_kind kind, yaml_mark_t mark)
{
	struct stmtlint_node *n;

	if (b->out->n_nodes >= YT_MAX_NODES) {
		if (!b->failed)
			errlist_add(b->err, "config", b->out->file, mark.line + 1 + b->line_base,
			            mark.column + 1, "YAML document expands to more than %d nodes "
			           "(aliases?)", YT_MAX_NODES);
		b->failed = 1;
		return NULL;
	}
	n = calloc(1, sizeof(*n));
	if (n == NULL) {
		b->failed = 1;
		return NULL;
	}
	b->out->n_nodes++;
	n->kind = kind;
	n->file = b->out->file;
	n->line = mark.line + 1 + b->line_base;
	n->column = mark.column + 1;
	n->offset = mark.index;
	return n;
}

static int cmp_key_index(const void *a, const void *b, void *arg)
{
	struct stmtlint_node **keys = arg;
	size_t i = *(const size_t *)a;
	size_t j = *(const size_t *)b;
	int c = strcmp(keys[i]->scalar, keys[j]->scalar);

	if (c != 0)
		return c;
	return i < j ? -1 : i > j;
}

/* Reports the first key of mapping n (in document order) that repeats an
 * earlier one.  Sorting keeps a mapping of many keys linear-logarithmic.
 * Returns 0 when the keys are distinct, -1 after an error. */
static int report_duplicate_key(build *b, const struct stmtlint_node *n)
{
	size_t *order;
	size_t dup = (size_t)-1;
	size_t first = 0;
	size_t run;
	size_t i;

	if (n->n < 2)
		return 0;
	order = malloc(n->n * sizeof(*order));
	if (order == NULL) {
		b->failed = 1;
		return -1;
	}
	for (i = 0; i < n->n; i++)
		order[i] = i;
	qsort_r(order, n->n, sizeof(*order), cmp_key_index, n->keys);
	/* Sorted by key then position, a run of equal keys starts with the
	 * original; report the repeat that comes first in the document. */
	for (i = 1, run = 0; i < n->n; i++) {
		if (strcmp(n->keys[order[run]]->scalar, n->keys[order[i]]->scalar) != 0) {
			run = i;
		} else if (order[i] < dup) {
			dup = order[i];
			first = order[run];
		}
	}
	free(order);
	if (dup == (size_t)-1)
		return 0;
	yt_error(b->err, n->keys[dup], "duplicate key '%s' (first at line %zu)", n->keys[dup]->scalar,
	         n->keys[first]->line);
	b->failed = 1;
	return -1;
}

static struct stmtlint_node *convert(build *b, int id, unsigned depth)
{
	yaml_node_t *y = yaml_document_get_node(b->ydoc, id);
	struct stmtlint_node *n;
	size_t count;
	size_t i;

	if (y == NULL || b->failed)
		return NULL;
	if (depth > YT_MAX_DEPTH) {
		errlist_add(b->err, "config", b->out->file, y->start_mark.line + 1 + b->line_base,
		            y->start_mark.column + 1, "YAML nested deeper than %d levels", YT_MAX_DEPTH);
		b->failed = 1;
		return NULL;
	}
	switch (y->type) {
	case YAML_SCALAR_NODE:
		n = node_new(b, STMTLINT_NODE_SCALAR, y->start_mark);
		if (n == NULL)
			return NULL;
		/* An alias of a long string, repeated, copies it each time. */
		b->scalar_bytes += y->data.scalar.length;
		if (b->scalar_bytes > YT_MAX_SCALAR_BYTES) {
			errlist_add(b->err, "config", b->out->file, y->start_mark.line + 1 + b->line_base,
			            y->start_mark.column + 1,
			            "YAML document expands to more than %d MiB of text (aliases?)",
			            YT_MAX_SCALAR_BYTES >> 20);
			node_free(n);
			b->failed = 1;
			return NULL;
		}
		n->scalar = malloc(y->data.scalar.length + 1);
		if (n->scalar == NULL) {
			node_free(n);
			b->failed = 1;
			return NULL;
		}
		memcpy(n->scalar, y->data.scalar.value, y->data.scalar.length);
		n->scalar[y->data.scalar.length] = '\0';
		n->plain = y->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return n;
	case YAML_SEQUENCE_NODE:
		n = node_new(b, STMTLINT_NODE_SEQUENCE, y->start_mark);
		if (n == NULL)
			return NULL;
		count = (size_t)(y->data.sequence.items.top - y->data.sequence.items.start);
		n->items = calloc(count ? count : 1, sizeof(*n->items));
		if (n->items == NULL)
			goto fail;
		for (i = 0; i < count; i++) {
			n->items[i] = convert(b, y->data.sequence.items.start[i], depth + 1);
			if (n->items[i] == NULL)
				goto fail;
			n->n = i + 1;
		}
		return n;
	case YAML_MAPPING_NODE:
		n = node_new(b, STMTLINT_NODE_MAPPING, y->start_mark);
		if (n == NULL)
			return NULL;
		count = (size_t)(y->data.mapping.pairs.top - y->data.mapping.pairs.start);
		n->items = calloc(count ? count : 1, sizeof(*n->items));
		n->keys = calloc(count ? count : 1, sizeof(*n->keys));
		if (n->items == NULL || n->keys == NULL)
			goto fail;
		for (i = 0; i < count; i++) {
			yaml_node_pair_t *p = &y->data.mapping.pairs.start[i];

			n->keys[i] = convert(b, p->key, depth + 1);
			if (n->keys[i] == NULL)
				goto fail;
			n->items[i] = convert(b, p->value, depth + 1);
			n->n = i + 1;
			if (n->items[i] == NULL)
				goto fail;
			if (n->keys[i]->kind != STMTLINT_NODE_SCALAR) {
				yt_error(b->err, n->keys[i], "mapping keys must be plain strings");
				b->failed = 1;
				goto fail;
			}
		}
		if (report_duplicate_key(b, n) != 0)
			goto fail;
		return n;
	default:
		return NULL;
	}
fail:
	b->failed = 1;
	node_free(n);
	return NULL;
}

/* Refuses flow collections ('[' and '{') nested deeper than YT_MAX_DEPTH
 * before the text is loaded.  libyaml's scanner checks every pending simple
 * key, one per flow level, at each token, so 200 KB of '[' takes it minutes
 * to load.  Its own tokens are counted here, since only the scanner knows
 * which brackets are text (in quoted, plain and block scalars, comments): a
 * count of our own could not tell "don't" from a quote that opens a scalar,
 * and each bracket it missed would let deeper nesting through.  Stopping at
 * the first token past the limit bounds the work: the scanner looks ahead at
 * most 1024 characters for a simple key.  Returns 0 when the nesting is
 * within the limit (or the text has a syntax error, which loading it then
 * reports), -1 after appending the error to err. */
static int check_flow_depth(const char *file, const char *text, size_t len, size_t line_base,
                            errlist *err)
{
	yaml_parser_t parser;
	yaml_token_t token;
	unsigned depth = 0;
	int rc = 0;

	if (!yaml_parser_initialize(&parser))
		return 0;   /* out of memory: loading will say so */
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (rc == 0 && yaml_parser_scan(&parser, &token)) {
		yaml_token_type_t type = token.type;
		yaml_mark_t at = token.start_mark;

		yaml_token_delete(&token);
		if (type == YAML_STREAM_END_TOKEN)
			break;
		if (type == YAML_FLOW_SEQUENCE_START_TOKEN || type == YAML_FLOW_MAPPING_START_TOKEN) {
			if (++depth > YT_MAX_DEPTH) {
				errlist_add(err, "config", file, at.line + 1 + line_base, at.column + 1,
				            "YAML flow collections ('[', '{') nested deeper than %d levels",
				            YT_MAX_DEPTH);
				rc = -1;
			}
		} else if ((type == YAML_FLOW_SEQUENCE_END_TOKEN ||
		            type == YAML_FLOW_MAPPING_END_TOKEN) && depth > 0) {
			depth--;
		}
	}
	yaml_parser_delete(&parser);
	return rc;
}

/* Adds libyaml's syntax error, at its position, to err. */
static void report_syntax_error(const yaml_parser_t *parser, const char *file, size_t line_base,
                                errlist *err)
{
	yaml_mark_t at = parser->problem_mark;

	errlist_add(err, "config", file, at.line + 1 + line_base, at.column + 1, "YAML: %s%s%s",
	            parser->problem ? parser->problem : "syntax error", parser->context ? " " : "",
	            parser->context ? parser->context : "");
}

/* After the first document of a stream: reports a second one (or a syntax
 * error after the first) at its position, since only the first would be
 * read.  Returns 0 when the stream ends there, -1 after appending the error. */
static int refuse_second_document(yaml_parser_t *parser, const char *file, size_t line_base,
                                  errlist *err)
{
	yaml_document_t next;
	yaml_mark_t at;
	int more;

	if (!yaml_parser_load(parser, &next)) {
		report_syntax_error(parser, file, line_base, err);
		return -1;
	}
	more = yaml_document_get_root_node(&next) != NULL;
	at = next.start_mark;
	yaml_document_delete(&next);
	if (!more)
		return 0;
	errlist_add(err, "config", file, at.line + 1 + line_base, at.column + 1,
	            "a second YAML document starts here; the file must hold one");
	return -1;
}

yt_doc *yt_parse(const char *file, const char *text, size_t len, size_t line_base, errlist *err)
{
	yaml_parser_t parser;
	yaml_document_t ydoc;
	yt_doc *out;
	build b;
	yaml_node_t *root;
	size_t before = err->n;
	size_t dropped_before = err->dropped;

	if (check_flow_depth(file, text, len, line_base, err) != 0)
		return NULL;
	out = calloc(1, sizeof(*out));
	if (out == NULL)
		return NULL;
	out->file = strdup(file);
	if (out->file == NULL) {
		free(out);
		return NULL;
	}
	if (!yaml_parser_initialize(&parser)) {
		yt_free(out);
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &ydoc)) {
		report_syntax_error(&parser, file, line_base, err);
		yaml_parser_delete(&parser);
		yt_free(out);
		return NULL;
	}
	if (refuse_second_document(&parser, file, line_base, err) != 0) {
		yaml_document_delete(&ydoc);
		yaml_parser_delete(&parser);
		yt_free(out);
		return NULL;
	}
	memset(&b, 0, sizeof(b));
	b.ydoc = &ydoc;
	b.out = out;
	b.text = text;
	b.len = len;
	b.line_base = line_base;
	b.err = err;
	root = yaml_document_get_root_node(&ydoc);
	if (root != NULL)
		out->root = convert(&b, 1, 0);
	yaml_document_delete(&ydoc);
	yaml_parser_delete(&parser);
	if (b.failed) {
		if (err->n == before && err->dropped == dropped_before)
			errlist_add(err, "config", file, 1, 1, "out of memory reading YAML");
		yt_free(out);
		return NULL;
	}
	return out;
}

yt_doc *yt_load_file(const char *path, errlist *err)
{
	char *text = NULL;
	size_t len = 0;
	yt_doc *doc;
	char why[256];

	if (file_read_within(path, YT_MAX_FILE_SIZE, " for configurations, profiles and rule data",
	                     &text, &len, why, sizeof(why)) != 0) {
		errlist_add(err, "config", path, 0, 0, "%s", why);
		return NULL;
	}
	doc = yt_parse(path, text, len, 0, err);
	free(text);
	return doc;
}

yt_doc *yt_load_resolved(const char *real, const char *name, errlist *err)
{
	char *text = NULL;
	size_t len = 0;
	yt_doc *doc;
	char why[256];

	if (file_read_no_links(real, YT_MAX_FILE_SIZE, " for configurations, profiles and rule data",
	                       &text, &len, why, sizeof(why)) != 0) {
		errlist_add(err, "config", name, 0, 0, "%s", why);
		return NULL;
	}
	doc = yt_parse(name, text, len, 0, err);
	free(text);
	return doc;
}

const struct stmtlint_node *yt_get(const struct stmtlint_node *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != STMTLINT_NODE_MAPPING)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->keys[i]->scalar, key) == 0)
			return map->items[i];
	return NULL;
}

void yt_error(errlist *err, const struct stmtlint_node *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (at != NULL)
		errlist_vadd(err, "config", at->file, at->line, at->column, fmt, ap);
	else
		errlist_vadd(err, "config", NULL, 0, 0, fmt, ap);
	va_end(ap);
}
