/* lsp-io.c - the Language Server Protocol's framing over a pipe. */
#include "lsp-io.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* The header field every message has. */
#define CONTENT_LENGTH "Content-Length"
/* A buffer this much larger than what it holds, once emptied, is freed, so
 * that one large message does not keep its memory for the whole session. */
#define LSP_KEEP_BUFFER (4 * LSP_READ_CHUNK)

void lsp_reader_init(lsp_reader *r, int fd)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
}

void lsp_reader_free(lsp_reader *r)
{
	free(r->data);
	r->data = NULL;
	r->start = r->len = r->cap = 0;
}

/* Moves the unused bytes to the front of the buffer (freeing a large empty
 * one) and makes room for `want` more.  Returns 0 or -1. */
static int make_room(lsp_reader *r, size_t want)
{
	size_t used = r->len - r->start;
	char *p;

	if (used == 0 && r->cap > LSP_KEEP_BUFFER) {
		free(r->data);
		r->data = NULL;
		r->cap = 0;
	}
	if (r->start > 0) {
		if (used > 0)
			memmove(r->data, r->data + r->start, used);
		r->start = 0;
		r->len = used;
	}
	if (r->cap - r->len >= want)
		return 0;
	p = realloc(r->data, r->len + want);
	if (p == NULL)
		return -1;
	r->data = p;
	r->cap = r->len + want;
	return 0;
}

/* Reads what is there (at least one byte, waiting for it), up to `want`
 * bytes.  Returns 0, or -1 at the end of input (r->eof) or out of memory. */
static int fill(lsp_reader *r, size_t want)
{
	ssize_t n;

	if (want < LSP_READ_CHUNK)
		want = LSP_READ_CHUNK;
	if (make_room(r, want) != 0)
		return -1;
	do
		n = read(r->fd, r->data + r->len, r->cap - r->len);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		r->eof = 1;
		return -1;
	}
	r->len += (size_t)n;
	return 0;
}

static lsp_read_status bad(lsp_reader *r, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static lsp_read_status bad(lsp_reader *r, int code, const char *fmt, ...)
{
	va_list ap;

	r->error_code = code;
	va_start(ap, fmt);
	vsnprintf(r->error_text, sizeof(r->error_text), fmt, ap);
	va_end(ap);
	return LSP_READ_BAD;
}

/* After a header that cannot be read: throws bytes away up to the next
 * "Content-Length", reading more as needed (only what may be the start of
 * one is kept meanwhile).  Returns 0 when found, -1 at the end of input. */
static int resync(lsp_reader *r)
{
	size_t keep = sizeof(CONTENT_LENGTH) - 2;

	for (;;) {
		const char *found = NULL;

		if (r->len > r->start)
			found = memmem(r->data + r->start, r->len - r->start, CONTENT_LENGTH,
			               sizeof(CONTENT_LENGTH) - 1);
		if (found != NULL) {
			r->start = (size_t)(found - r->data);
			r->resync = 0;
			return 0;
		}
		if (r->len - r->start > keep)
			r->start = r->len - keep;
		if (fill(r, 0) != 0)
			return -1;
	}
}

/* Parses the header block h[0, n) (its lines without the blank line that
 * ends it) into *length.  Returns 0, or -1 with r->error_text set. */
static int parse_header(lsp_reader *r, const char *h, size_t n, size_t *length)
{
	size_t pos = 0;
	int seen = 0;

	while (pos < n) {
		const char *eol = memmem(h + pos, n - pos, "\r\n", 2);
		size_t end = eol ? (size_t)(eol - h) : n;
		const char *colon = memchr(h + pos, ':', end - pos);
		size_t name_len = colon ? (size_t)(colon - (h + pos)) : 0;

		if (colon == NULL || name_len == 0) {
			bad(r, -32700, "a header line without 'Name: value' at byte %zu", pos);
			return -1;
		}
		if (name_len == sizeof(CONTENT_LENGTH) - 1 &&
		    strncasecmp(h + pos, CONTENT_LENGTH, name_len) == 0) {
			size_t i = (size_t)(colon - h) + 1;
			size_t v = 0;
			size_t digits = 0;

			while (i < end && (h[i] == ' ' || h[i] == '\t'))
				i++;
			for (; i < end && h[i] >= '0' && h[i] <= '9'; i++, digits++) {
				if (v > LSP_MAX_CONTENT)
					break;
				v = v * 10 + (size_t)(h[i] - '0');
			}
			while (i < end && (h[i] == ' ' || h[i] == '\t'))
				i++;
			if (digits == 0 || i != end) {
				bad(r, -32700, "Content-Length is not a number of bytes (header byte %zu)", pos);
				return -1;
			}
			*length = v;
			seen = 1;
		}
		pos = end + 2;
	}
	if (!seen) {
		bad(r, -32700, "a header without Content-Length (%zu bytes)", n);
		return -1;
	}
	return 0;
}

/* Throws away the bytes of a skipped body.  Returns 0 when done, -1 at the
 * end of input. */
static int skip_body(lsp_reader *r)
{
	while (r->skip > 0) {
		size_t have = r->len - r->start;
		size_t take = have < r->skip ? have : r->skip;

		r->start += take;
		r->skip -= take;
		if (r->skip == 0)
			break;
		r->start = r->len = 0;
		if (fill(r, 0) != 0)
			return -1;
	}
	return 0;
}

lsp_read_status lsp_read(lsp_reader *r, json_t **msg)
{
	*msg = NULL;
	for (;;) {
		size_t avail, look, head;
		size_t length = 0;
		const char *h;
		const char *end;
		json_error_t jerr;

		if (r->skip > 0 && skip_body(r) != 0)
			return LSP_READ_EOF;
		if (r->resync && resync(r) != 0)
			return LSP_READ_EOF;
		avail = r->len - r->start;
		look = avail < LSP_MAX_HEADER ? avail : LSP_MAX_HEADER;
		h = r->data != NULL ? r->data + r->start : NULL;
		end = look >= 4 ? memmem(h, look, "\r\n\r\n", 4) : NULL;
		if (end == NULL) {
			if (avail >= LSP_MAX_HEADER) {
				r->start++;
				r->resync = 1;
				return bad(r, -32700, "%zu bytes without the blank line that ends a header",
				           (size_t)LSP_MAX_HEADER);
			}
			if (fill(r, 0) != 0)
				return r->eof ? LSP_READ_EOF : LSP_READ_NOMEM;
			continue;
		}
		head = (size_t)(end - h) + 4;
		if (parse_header(r, h, head - 4, &length) != 0) {
			r->start += head;
			r->resync = 1;
			return LSP_READ_BAD;
		}
		if (length > LSP_MAX_CONTENT) {
			r->start += head;
			r->skip = length;
			return bad(r, -32600, "a message of more than %zu bytes, skipped",
			           (size_t)LSP_MAX_CONTENT);
		}
		if (avail < head + length) {
			if (fill(r, head + length - avail) != 0)
				return r->eof ? LSP_READ_EOF : LSP_READ_NOMEM;
			continue;
		}
		r->start += head + length;
		*msg = json_loadb(h + head, length, JSON_DECODE_ANY, &jerr);
		if (*msg == NULL)
			return bad(r, -32700, "the message is not JSON (at its byte %zu)",
			           (size_t)(jerr.position > 0 ? jerr.position : 0));
		if (r->start == r->len)
			make_room(r, 0);
		return LSP_READ_MESSAGE;
	}
}

int lsp_input_pending(lsp_reader *r)
{
	struct pollfd p = { r->fd, POLLIN, 0 };

	if (r->len > r->start || r->skip > 0)
		return 1;
	return poll(&p, 1, 0) > 0;
}

/* Writes n bytes of p to fd in full.  Returns 0 or -1. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int lsp_write(int fd, const json_t *msg)
{
	char head[64];
	char *body = json_dumps(msg, JSON_COMPACT);
	int n;
	int rc;

	if (body == NULL)
		return -1;
	n = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", strlen(body));
	rc = write_all(fd, head, (size_t)n) == 0 && write_all(fd, body, strlen(body)) == 0 ? 0 : -1;
	free(body);
	return rc;
}
