/* text.c - case folding and normalised words. */
#include "text.h"

#include <locale.h>
#include <pthread.h>
#include <string.h>
#include <wctype.h>

#include "utf8.h"

static locale_t utf8_locale;
static pthread_once_t utf8_locale_once = PTHREAD_ONCE_INIT;

static void open_utf8_locale(void)
{
	static const char *const names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]) && utf8_locale == (locale_t)0; i++)
		utf8_locale = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
}

locale_t text_utf8_locale(void)
{
	pthread_once(&utf8_locale_once, open_utf8_locale);
	return utf8_locale;
}

uint32_t text_fold(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (text_utf8_locale() == (locale_t)0)
		return cp;
	return (uint32_t)towlower_l((wint_t)cp, utf8_locale);
}

/* What a code point becomes in a normalised word: NULL to keep it (folded). */
static const char *spelled(uint32_t cp)
{
	switch (cp) {
	case 0x2019: case 0x2018: case 0x02BC: case 0x2032:
		return "'";
	case 0xFB00:
		return "ff";
	case 0xFB01:
		return "fi";
	case 0xFB02:
		return "fl";
	case 0xFB03:
		return "ffi";
	case 0xFB04:
		return "ffl";
	case 0xFB05: case 0xFB06:
		return "st";
	case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
		return "";
	default:
		return NULL;
	}
}

/* text_word_normalize() of a word all in ASCII: its letters in lower case. */
static size_t ascii_word_normalize(const char *s, size_t len, char *out, size_t outlen)
{
	size_t i;

	for (i = 0; i < len && i + 1 < outlen; i++)
		out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
	if (outlen > 0)
		out[i] = '\0';
	return len;
}

size_t text_word_normalize(const char *s, size_t len, char *out, size_t outlen)
{
	size_t need = 0;
	size_t i = 0;

	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	if (i == len)
		return ascii_word_normalize(s, len, out, outlen);
	i = 0;
	while (i < len) {
		uint32_t cp;
		char enc[4];
		const char *piece;
		size_t n;

		i += utf8_next(s + i, len - i, &cp);
		piece = spelled(cp);
		if (piece == NULL) {
			n = utf8_encode(text_fold(cp), enc);
			piece = enc;
		} else {
			n = strlen(piece);
		}
		if (outlen > 0 && need + n < outlen)
			memcpy(out + need, piece, n);
		else if (outlen > 0 && need < outlen)
			outlen = need + 1;  /* stop writing: the form no longer fits */
		need += n;
	}
	if (outlen > 0)
		out[need < outlen ? need : outlen - 1] = '\0';
	return need;
}
