/* lsp-text.h - an editor's copy of a draft: its text, kept in step with
 * the editor's changes, and positions as the Language Server Protocol
 * counts them (0-based lines; columns in UTF-8 bytes or UTF-16 code units,
 * as negotiated). */
#ifndef STMTLINT_LSP_TEXT_H
#define STMTLINT_LSP_TEXT_H

#include <stddef.h>

/* The unit of a Position's `character`. */
typedef enum lsp_encoding {
	LSP_UTF16 = 0,   /* the protocol's default */
	LSP_UTF8
} lsp_encoding;

/* A Position of the protocol. */
typedef struct lsp_pos {
	size_t line;
	size_t character;
} lsp_pos;

/* A draft's text as the editor has it.  Never longer than `limit`. */
typedef struct lsp_text {
	char *data;      /* NUL-terminated; NULL while empty */
	size_t len;
	size_t cap;
	size_t limit;
} lsp_text;

/* What lsp_text_edit() did. */
typedef enum lsp_edit_status {
	LSP_EDIT_OK = 0,
	LSP_EDIT_CLAMPED,    /* a position past its line or the text was taken as the end */
	LSP_EDIT_REVERSED,   /* the range ends before it starts: nothing changed */
	LSP_EDIT_TOO_LARGE,  /* the text would pass its limit: nothing changed */
	LSP_EDIT_NOMEM       /* nothing changed */
} lsp_edit_status;

void lsp_text_init(lsp_text *t, size_t limit);
void lsp_text_free(lsp_text *t);
/* Replaces the whole text by s[0, n).  LSP_EDIT_OK, _TOO_LARGE or _NOMEM. */
lsp_edit_status lsp_text_set(lsp_text *t, const char *s, size_t n);
/* Replaces the range [from, to) by s[0, n) (an incremental change). */
lsp_edit_status lsp_text_edit(lsp_text *t, lsp_pos from, lsp_pos to, lsp_encoding enc,
                              const char *s, size_t n);
/* The byte offset of position p: a line past the last is the end of the
 * text, a character past its line's end is the line's end, a character in
 * the middle of a UTF-16 surrogate pair is the start of its code point.
 * *clamped (when not NULL) says whether p was past its line or the text. */
size_t lsp_text_offset(const lsp_text *t, lsp_pos p, lsp_encoding enc, int *clamped);

/* "utf-8" or "utf-16". */
const char *lsp_encoding_name(lsp_encoding enc);

#endif
