/* lsp-uri.c - file: URIs and paths. */
#include "lsp-uri.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"

/* The longest path made absolute (a longer current folder gives NULL). */
#define LSP_MAX_CWD 4096

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *lsp_uri_to_path(const char *uri)
{
	const char *p;
	buf out;
	size_t i;

	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	p = uri + 7;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (p[0] != '/')
		return NULL;
	buf_init(&out, 0);
	for (i = 0; p[i] != '\0' && p[i] != '?' && p[i] != '#'; i++) {
		int hi, lo;

		if (p[i] != '%') {
			buf_putc(&out, p[i]);
			continue;
		}
		hi = hex_value(p[i + 1]);
		lo = hi < 0 ? -1 : hex_value(p[i + 2]);
		if (lo < 0 || (hi == 0 && lo == 0)) {
			buf_free(&out);
			return NULL;
		}
		buf_putc(&out, (char)(hi * 16 + lo));
		i += 2;
	}
	if (out.failed) {
		buf_free(&out);
		return NULL;
	}
	return buf_steal(&out);
}

/* Appends path to out percent-encoded. */
static void encode_path(buf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	for (i = 0; path[i] != '\0'; i++) {
		unsigned char c = (unsigned char)path[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			buf_putc(out, (char)c);
		} else {
			buf_putc(out, '%');
			buf_putc(out, hex[c >> 4]);
			buf_putc(out, hex[c & 15]);
		}
	}
}

char *lsp_path_to_uri(const char *path)
{
	char cwd[LSP_MAX_CWD];
	buf out;

	buf_init(&out, 0);
	buf_puts(&out, "file://");
	if (path[0] != '/') {
		if (getcwd(cwd, sizeof(cwd)) == NULL) {
			buf_free(&out);
			return NULL;
		}
		encode_path(&out, cwd);
		if (cwd[1] != '\0')
			buf_putc(&out, '/');
		if (strncmp(path, "./", 2) == 0)
			path += 2;
	}
	encode_path(&out, path);
	if (out.failed) {
		buf_free(&out);
		return NULL;
	}
	return buf_steal(&out);
}
