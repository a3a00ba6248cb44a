/* utf8.c - strict UTF-8 decoding and counting. */
#include "utf8.h"

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t n;
	size_t i;

	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		c = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		c = u[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) || c > 0x10FFFF)
		return 0;
	if (c >= 0xD800 && c <= 0xDFFF)
		return 0;
	*cp = c;
	return n;
}

size_t utf8_next(const char *s, size_t len, uint32_t *cp)
{
	size_t n = utf8_decode(s, len, cp);

	if (n == 0) {
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

uint32_t utf8_prev(const char *s, size_t pos, size_t *start)
{
	size_t back;
	uint32_t cp;

	for (back = 1; back <= 4 && back <= pos; back++) {
		const unsigned char c = (const unsigned char)s[pos - back];

		if ((c & 0xC0) != 0x80) {
			if (utf8_decode(s + pos - back, back, &cp) == back) {
				*start = pos - back;
				return cp;
			}
			break;
		}
	}
	*start = pos - 1;
	return 0xFFFD;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t i = 0;
	size_t count = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80)
			i++;
		else
			i += utf8_next(s + i, len - i, &cp);
		count++;
	}
	return count;
}

size_t utf8_count_utf16(const char *s, size_t len)
{
	size_t i = 0;
	size_t units = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_next(s + i, len - i, &cp);
		units += cp >= 0x10000 ? 2 : 1;
	}
	return units;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int utf8_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	       cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x200B || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

int utf8_is_wordchar(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	if (cp >= 0xA0 && cp <= 0xBF)      /* Latin-1 punctuation and symbols */
		return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 ||
		       cp == 0xB9 || cp == 0xBA;
	if (cp == 0xD7 || cp == 0xF7)
		return 0;
	if (cp >= 0x2000 && cp <= 0x2BFF)  /* punctuation, symbols, arrows, shapes */
		return 0;
	if (cp >= 0x3000 && cp <= 0x303F)  /* CJK symbols and punctuation */
		return 0;
	if (cp >= 0xFE30 && cp <= 0xFE4F)  /* CJK compatibility forms */
		return 0;
	if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	    (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
		return 0;
	if (cp == 0xFFFD || cp == 0xFEFF)
		return 0;
	if (cp >= 0x1F000 && cp <= 0x1FAFF) /* emoji and pictographs */
		return 0;
	return 1;
}
