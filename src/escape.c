/* escape.c - text that must not reach a terminal raw, written as escapes. */
#include "escape.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Code points written as "\uXXXX" rather than raw. */
static int escaped_as_unicode(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || escape_is_bidi(cp);
}

int escape_is_bidi(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t escape_width(uint32_t cp)
{
	if (cp == '\t')
		return 0;
	if (cp < 0x20 || cp == 0x7F)
		return 4;   /* \x1b */
	if (escaped_as_unicode(cp))
		return 6;   /* \u202E */
	return 0;
}

size_t escape_cp(uint32_t cp, char *out)
{
	char tmp[16];   /* what snprintf could write for any cp */
	size_t n = escape_width(cp);

	if (n == 4)
		snprintf(tmp, sizeof(tmp), "\\x%02x", (unsigned)cp);
	else if (n == 6)
		snprintf(tmp, sizeof(tmp), "\\u%04X", (unsigned)cp);
	else
		return 0;
	memcpy(out, tmp, n);
	return n;
}

size_t escape_byte(unsigned char byte, char *out)
{
	char tmp[ESCAPE_MAX + 1];

	snprintf(tmp, sizeof(tmp), "\\x%02x", (unsigned)byte);
	memcpy(out, tmp, 4);
	return 4;
}

/* How many bytes of s[0, len) from its start are a character that stays as
 * it is (0 when s starts with one that must be escaped); *cp gets it. */
static size_t plain_length(const char *s, size_t len, unsigned flags, uint32_t *cp)
{
	size_t n = utf8_decode(s, len, cp);

	if (n == 0)
		return 0;
	if ((flags & ESCAPE_CONTROLS) && escape_width(*cp) > 0)
		return 0;
	return n;
}

int escape_needed(const char *s, size_t len, unsigned flags)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = plain_length(s + i, len - i, flags, &cp);

		if (n == 0)
			return 1;
		i += n;
	}
	return 0;
}

int escape_append(buf *b, const char *s, size_t len, unsigned flags)
{
	size_t i = 0;
	size_t run = 0;     /* start of the plain bytes not yet appended */
	uint32_t cp;

	while (i < len) {
		size_t n = plain_length(s + i, len - i, flags, &cp);
		char esc[ESCAPE_MAX];
		size_t e;

		if (n > 0) {
			i += n;
			continue;
		}
		buf_append(b, s + run, i - run);
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			e = escape_byte((unsigned char)s[i], esc);
			n = 1;
		} else {
			e = escape_cp(cp, esc);
		}
		buf_append(b, esc, e);
		i += n;
		run = i;
	}
	buf_append(b, s + run, len - run);
	return b->failed ? -1 : 0;
}

size_t escape_find_bidi_controls(const char *text, size_t len, size_t *offsets, size_t max)
{
	size_t i = 0;
	size_t found = 0;

	while (i < len) {
		uint32_t cp;
		size_t n;

		/* every bidi control is encoded E2 80 AA-AE or E2 81 A6-A9 */
		if ((unsigned char)text[i] != 0xE2) {
			i++;
			continue;
		}
		n = utf8_decode(text + i, len - i, &cp);
		if (n == 0) {
			i++;
			continue;
		}
		if (escape_is_bidi(cp)) {
			if (found < max)
				offsets[found] = i;
			found++;
		}
		i += n;
	}
	return found;
}
