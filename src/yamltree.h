/* yamltree.h - YAML documents as trees of nodes that remember their positions. */
#ifndef STMTLINT_YAMLTREE_H
#define STMTLINT_YAMLTREE_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "buf.h"
#include "errlist.h"

/* A YAML value.  Aliases are expanded into copies, so a tree is a tree;
 * the loader caps how many nodes an expansion may make. */
struct stmtlint_node {
	stmtlint_node_kind kind;
	const char *file;      /* the file it came from (owned by its yt_doc) */
	size_t line;           /* 1-based */
	size_t column;         /* 1-based, in code points */
	size_t offset;         /* byte offset of the node in its source */
	char *scalar;          /* SCALAR: the value */
	int plain;             /* SCALAR: written without quotes */
	size_t n;              /* SEQUENCE: items; MAPPING: pairs */
	struct stmtlint_node **items;  /* SEQUENCE items, or MAPPING values */
	struct stmtlint_node **keys;   /* MAPPING keys */
};

/* One loaded YAML document. */
typedef struct yt_doc {
	char *file;                 /* the path, or a display name */
	struct stmtlint_node *root; /* NULL for an empty document */
	size_t n_nodes;
} yt_doc;

/* Most nodes one document may expand to (aliases included). */
#define YT_MAX_NODES 200000
/* Most bytes of text the scalars of one document may expand to. */
#define YT_MAX_SCALAR_BYTES (32 << 20)
/* Deepest nesting allowed; flow collections deeper than this are refused
 * before libyaml loads the text (yamltree.c, check_flow_depth). */
#define YT_MAX_DEPTH 64

/* Parses YAML text (one document) into a tree.  `file` names it in
 * positions; `line_base` is added to every line (for front matter that does
 * not start at line 1).  Returns a new yt_doc the caller frees with
 * yt_free(), or NULL after adding a [config] error with its position to err. */
yt_doc *yt_parse(const char *file, const char *text, size_t len, size_t line_base, errlist *err);
/* Reads and parses a YAML file; as yt_parse. */
yt_doc *yt_load_file(const char *path, errlist *err);
/* Reads the YAML file at `real`, a path resolved and checked, without
 * following any symbolic link (fileio.h), naming it `name` in positions. */
yt_doc *yt_load_resolved(const char *real, const char *name, errlist *err);
/* Frees a document and its nodes; accepts NULL. */
void yt_free(yt_doc *doc);

/* The value under `key` in a mapping, or NULL. */
const struct stmtlint_node *yt_get(const struct stmtlint_node *map, const char *key);
/* Adds a [config] error at `at` (its file, line and column; no position
 * when at is NULL). */
void yt_error(errlist *err, const struct stmtlint_node *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
