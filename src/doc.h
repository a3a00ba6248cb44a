/* doc.h - building the document model of one draft. */
#ifndef STMTLINT_DOC_H
#define STMTLINT_DOC_H

#include <stddef.h>

#include "stmtlint/plugin.h"

/* Something wrong with the draft itself, found while reading it
 * (invalid UTF-8, broken front matter); reported under rule `rule`. */
typedef struct doc_issue {
	const char *rule;           /* static string */
	stmtlint_severity severity;
	size_t start, end;
	char *message;              /* owned */
} doc_issue;

/* The host's document: the public model plus what backs it. */
typedef struct sl_doc {
	stmtlint_doc pub;           /* what plugins see; its pointers point into the fields below */
	char *path;
	char *text;
	char *prose;
	unsigned char *nonprose;    /* why each byte is not prose (stmtlint_nonprose), 0 for prose */
	stmtlint_span *lines;
	stmtlint_block *blocks;
	size_t cap_blocks;
	stmtlint_span *words;
	size_t cap_words;
	stmtlint_span *sentences;
	size_t cap_sentences;
	char *meta_title;
	char *meta_date;
	size_t bom;                 /* bytes of byte-order mark before text in the file (0 or 3) */
	int crlf;                   /* lines end in "\r\n" */
	doc_issue *issues;
	size_t n_issues;
	size_t cap_issues;
	size_t model_bytes;         /* bytes of nonprose, lines, blocks, words and sentences so far */
	size_t model_budget;        /* the most they may take (see DOC_MODEL_BYTES_PER_BYTE) */
	size_t refused_at;          /* where the model passed its budget */
	int refused;                /* the budget ran out: nothing is modelled, one [input] error says so */
} sl_doc;

/* The most invalid-UTF-8 issues reported for one draft. */
#define DOC_MAX_ENCODING_ISSUES 20

/* The memory budget of a draft's model (its record of what is not prose,
 * one byte for each byte, and its lines, blocks, words and sentences,
 * beside the text and prose copies): this many bytes for each byte of the
 * draft, plus DOC_MODEL_MIN_BUDGET; a Markdown draft's CommonMark reading
 * (libcmark's tree) is built in what is left of it.  Published statements need at most 4.7
 * (tests/README.md, plus the one byte of the record); a draft of one-word
 * bullets needs 41 (a 112-byte block, a line, a word and a sentence for
 * each 4 bytes of "- a", and the record), so a 64 MB one would take 2.7 GB.  A draft whose model passes the budget
 * is refused with one [input] error. */
#define DOC_MODEL_BYTES_PER_BYTE 9
/* So that short drafts of short lines (tests, a list of agreed items) are
 * never refused. */
#define DOC_MODEL_MIN_BUDGET ((size_t)16 << 20)

/* The format a path implies: Markdown for .md and .markdown, else text. */
stmtlint_doc_format doc_format_for(const char *path);

/* Builds the model of a draft from `len` bytes of `data` (which need not be
 * NUL-terminated, and may be invalid UTF-8).  Returns a new sl_doc the
 * caller frees with doc_free(), or NULL when out of memory.  A draft whose
 * model would pass its memory budget comes back refused: no blocks, words or
 * sentences, the lines up to where the budget ran out, and one [input] error
 * there (with the issues found before it); the caller checks nothing more. */
sl_doc *doc_build(const char *path, const char *data, size_t len, stmtlint_doc_format format);
/* Frees a document; accepts NULL. */
void doc_free(sl_doc *doc);

/* 1-based line and code-point column of byte `offset` of doc->text (see
 * position.h for the other units and for converting many offsets). */
void doc_position(const stmtlint_doc *doc, size_t offset, size_t *line, size_t *column);
/* Index of the line that holds byte `offset` (the last line for offsets past the end). */
size_t doc_line_of(const stmtlint_doc *doc, size_t offset);
/* Whether text[0, len) is only a date, as on a date line ("June 11th, 2011",
 * "Thursday, 9 June 2011", "2011-06-11", "June 2011"). */
int doc_is_date_only(const char *text, size_t len);

#endif
