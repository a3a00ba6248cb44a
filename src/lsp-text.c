/* lsp-text.c - an editor's copy of a draft, kept in step with its changes. */
#include "lsp-text.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void lsp_text_init(lsp_text *t, size_t limit)
{
	memset(t, 0, sizeof(*t));
	t->limit = limit;
}

void lsp_text_free(lsp_text *t)
{
	free(t->data);
	t->data = NULL;
	t->len = t->cap = 0;
}

/* Makes room for a text of n bytes (and its NUL).  Returns 0 or -1. */
static int reserve(lsp_text *t, size_t n)
{
	size_t cap = t->cap ? t->cap : 256;
	char *p;

	if (n < t->cap)
		return 0;
	while (cap <= n)
		cap = cap > SIZE_MAX / 2 ? n + 1 : cap * 2;
	p = realloc(t->data, cap);
	if (p == NULL)
		return -1;
	t->data = p;
	t->cap = cap;
	return 0;
}

lsp_edit_status lsp_text_set(lsp_text *t, const char *s, size_t n)
{
	if (n > t->limit)
		return LSP_EDIT_TOO_LARGE;
	/* a text that shrank a lot gives its memory back */
	if (t->cap > 4 * (n + 256)) {
		free(t->data);
		t->data = NULL;
		t->cap = 0;
	}
	if (reserve(t, n) != 0)
		return LSP_EDIT_NOMEM;
	memcpy(t->data, s, n);
	t->data[n] = '\0';
	t->len = n;
	return LSP_EDIT_OK;
}

/* The offset just past the line end at i ("\n", "\r\n" or "\r"). */
static size_t after_line_end(const lsp_text *t, size_t i)
{
	if (t->data[i] == '\r' && i + 1 < t->len && t->data[i + 1] == '\n')
		return i + 2;
	return i + 1;
}

size_t lsp_text_offset(const lsp_text *t, lsp_pos p, lsp_encoding enc, int *clamped)
{
	size_t i = 0;
	size_t line = 0;
	size_t units = 0;

	if (clamped != NULL)
		*clamped = 0;
	while (line < p.line) {
		while (i < t->len && t->data[i] != '\n' && t->data[i] != '\r')
			i++;
		if (i >= t->len) {
			if (clamped != NULL)
				*clamped = 1;
			return t->len;
		}
		i = after_line_end(t, i);
		line++;
	}
	while (units < p.character) {
		uint32_t cp;
		size_t n;

		if (i >= t->len || t->data[i] == '\n' || t->data[i] == '\r') {
			if (clamped != NULL)
				*clamped = 1;
			break;
		}
		n = utf8_next(t->data + i, t->len - i, &cp);
		units += enc == LSP_UTF8 ? n : cp >= 0x10000 ? 2 : 1;
		if (units > p.character)
			break;   /* inside a surrogate pair or a code point's bytes: its start */
		i += n;
	}
	return i;
}

lsp_edit_status lsp_text_edit(lsp_text *t, lsp_pos from, lsp_pos to, lsp_encoding enc,
                              const char *s, size_t n)
{
	int clamped_from, clamped_to;
	size_t a = lsp_text_offset(t, from, enc, &clamped_from);
	size_t b = lsp_text_offset(t, to, enc, &clamped_to);
	size_t len;

	if (from.line > to.line || (from.line == to.line && from.character > to.character))
		return LSP_EDIT_REVERSED;
	if (b < a)
		b = a;
	len = t->len - (b - a);
	if (n > t->limit || len > t->limit - n)
		return LSP_EDIT_TOO_LARGE;
	if (reserve(t, len + n) != 0)
		return LSP_EDIT_NOMEM;
	if (t->len > 0)
		memmove(t->data + a + n, t->data + b, t->len - b);
	if (n > 0)
		memcpy(t->data + a, s, n);
	t->len = len + n;
	t->data[t->len] = '\0';
	return clamped_from || clamped_to ? LSP_EDIT_CLAMPED : LSP_EDIT_OK;
}

const char *lsp_encoding_name(lsp_encoding enc)
{
	return enc == LSP_UTF8 ? "utf-8" : "utf-16";
}
