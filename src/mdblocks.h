/* mdblocks.h - what CommonMark (libcmark) says each line of a Markdown
 * draft is: the block structure the reader's own segmentation follows. */
#ifndef STMTLINT_MDBLOCKS_H
#define STMTLINT_MDBLOCKS_H

#include <stddef.h>
#include <stdint.h>

#include "stmtlint/plugin.h"

/* A list item that starts on a line. */
typedef enum md_item {
	MD_ITEM_NONE = 0,
	MD_ITEM_BULLET,      /* of a bullet list ('-', '*', '+') */
	MD_ITEM_ORDERED,     /* of an ordered list ("1." or "1)") not inside another item */
	MD_ITEM_NESTED       /* of an ordered list inside another list item: sub-items,
	                        which the reader reads by its own rules */
} md_item;

/* What CommonMark says one line is (12 bytes: a million blank lines take
 * 12 MB of the model's budget). */
typedef struct md_line {
	unsigned code : 1;       /* inside a code block (fenced or indented), fences included */
	unsigned html : 1;       /* inside an HTML block that does not start with "<!--" */
	unsigned quote : 1;      /* inside a block quote */
	unsigned item : 2;       /* an md_item starting on this line */
	unsigned heading : 3;    /* a heading (ATX or setext) starts here: its level, 1-6 */
	unsigned underline : 1;  /* the "===" or "---" line under a setext heading */
	unsigned rule : 1;       /* a thematic break ("***", "---") */
	int value;               /* MD_ITEM_ORDERED: the number a reader sees, the list's start
	                            plus the item's index */
	uint32_t block_lines;    /* on the first line of a code or HTML block: its number of
	                            lines; else 0 */
} md_line;

/* Parses text[0, len) as CommonMark and returns an array of n_lines
 * records, one for each line (lines are split as doc.c splits them: "\n",
 * "\r\n" or a lone "\r"; lines before `first` are read as blank, so that
 * front matter is not taken for Markdown).  `unclosed` is the offset of a
 * "<!--" never closed, or SIZE_MAX: it is read as text, so that the rest of
 * the draft is still read as Markdown (the reader reports it).  The
 * records and cmark's tree may take at most `budget` bytes: when they would
 * take more, sets *spent and returns NULL.  The caller frees the array with
 * free().  Returns NULL (with *spent 0) when out of memory. */
md_line *md_lines_read(const char *text, size_t len, const stmtlint_span *lines, size_t n_lines,
                       size_t first, size_t unclosed, size_t budget, int *spent);

#endif
