/* buf.h - a growable byte buffer with a hard size limit. */
#ifndef STMTLINT_BUF_H
#define STMTLINT_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* A NUL-terminated growable buffer.  `limit` caps its length so that hostile
 * input cannot grow memory without bound; an append past the limit, or an
 * allocation failure, sets `failed` and leaves the contents as they were. */
typedef struct buf {
	char *data;    /* NULL until the first append; always NUL-terminated after */
	size_t len;
	size_t cap;
	size_t limit;  /* 0 means no limit */
	int failed;
} buf;

/* Initialises an empty buffer that may grow to `limit` bytes (0: unlimited). */
void buf_init(buf *b, size_t limit);
/* Appends n bytes.  Returns 0, or -1 (and sets b->failed) when it cannot. */
int buf_append(buf *b, const void *p, size_t n);
/* Appends a NUL-terminated string. */
int buf_puts(buf *b, const char *s);
/* Appends one byte. */
int buf_putc(buf *b, char c);
/* Appends printf-formatted text. */
int buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Empties the buffer, keeping its memory. */
void buf_reset(buf *b);
/* Returns the contents as a malloc'ed NUL-terminated string owned by the
 * caller (an empty string for an empty buffer, NULL on allocation failure)
 * and leaves the buffer empty. */
char *buf_steal(buf *b);
/* Frees the buffer's memory; the buffer is empty afterwards. */
void buf_free(buf *b);

/* Makes room for element n of an array *arr of `size`-byte elements and
 * capacity *cap, doubling the capacity when it is full.  Returns 0, or -1
 * when out of memory (the array is left as it was). */
int array_reserve(void **arr, size_t *cap, size_t n, size_t size);

#endif
