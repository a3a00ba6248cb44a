/* lsp-io.h - the Language Server Protocol's framing over a pipe: messages
 * of JSON, each after a "Content-Length: N" header, read with a bounded
 * buffer and written whole. */
#ifndef STMTLINT_LSP_IO_H
#define STMTLINT_LSP_IO_H

#include <stddef.h>

#include <jansson.h>

/* The largest message body read (a didOpen of a draft as large as the
 * session's largest draft, 64 MiB, with room for JSON's escapes of a few
 * characters).  A larger one is skipped without being kept, and answered
 * with an error. */
#define LSP_MAX_CONTENT ((size_t)160 << 20)
/* The longest header block ("Content-Length: …\r\nContent-Type: …\r\n\r\n");
 * more without the blank line that ends it is not a header. */
#define LSP_MAX_HEADER 4096
/* Bytes asked of read() at a time. */
#define LSP_READ_CHUNK ((size_t)64 << 10)

/* What lsp_read() found. */
typedef enum lsp_read_status {
	LSP_READ_MESSAGE = 0,   /* *msg holds a parsed JSON value */
	LSP_READ_BAD,           /* a message that could not be read: answer error_code, error_text */
	LSP_READ_EOF,           /* the client closed its end (or reading failed) */
	LSP_READ_NOMEM
} lsp_read_status;

typedef struct lsp_reader {
	int fd;
	char *data;             /* bytes read and not yet used: data[start, len) */
	size_t start;
	size_t len;
	size_t cap;
	size_t skip;            /* bytes of a too-large body still to be thrown away */
	int resync;             /* after a bad header: bytes are thrown away up to the
	                           next "Content-Length" */
	int eof;
	int error_code;         /* of the last LSP_READ_BAD: a JSON-RPC error code */
	char error_text[160];
} lsp_reader;

void lsp_reader_init(lsp_reader *r, int fd);
/* Frees the reader's buffer (not its descriptor). */
void lsp_reader_free(lsp_reader *r);
/* Reads the next message, waiting for it.  A header without a valid
 * Content-Length, a body that is not JSON, or a body past LSP_MAX_CONTENT
 * is LSP_READ_BAD, once (the stream goes on at the next "Content-Length", or
 * after the skipped body); *msg is then NULL.  The caller owns *msg. */
lsp_read_status lsp_read(lsp_reader *r, json_t **msg);
/* Whether input is waiting: bytes already read, or the descriptor is
 * readable (or at its end) now. */
int lsp_input_pending(lsp_reader *r);

/* Writes msg, framed, to descriptor fd, in full (steals no reference).
 * Returns 0, or -1 when it cannot be written (the client is gone). */
int lsp_write(int fd, const json_t *msg);

#endif
