/* utf8.h - strict UTF-8 decoding and counting. */
#ifndef STMTLINT_UTF8_H
#define STMTLINT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s[0, len).  Returns the number of bytes it
 * takes (1-4) and stores it in *cp, or returns 0 for an invalid sequence
 * (truncated, overlong, a surrogate, or above U+10FFFF). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Like utf8_decode, but never fails: an invalid byte decodes as U+FFFD of length 1. */
size_t utf8_next(const char *s, size_t len, uint32_t *cp);
/* Decodes the code point that ends just before s + pos (pos > 0); stores its
 * start in *start.  Invalid bytes count as one U+FFFD each. */
uint32_t utf8_prev(const char *s, size_t pos, size_t *start);
/* Code points in s[0, len) (each invalid byte counts as one). */
size_t utf8_count(const char *s, size_t len);
/* UTF-16 code units in s[0, len), for editors' positions. */
size_t utf8_count_utf16(const char *s, size_t len);
/* Writes cp as UTF-8 into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Whether cp is a letter, digit or mark for the purpose of words (ASCII
 * letters and digits, and non-ASCII code points outside punctuation,
 * symbol and space blocks). */
int utf8_is_wordchar(uint32_t cp);
/* Whether cp is white space to a reader (ASCII, NBSP, the Unicode spaces,
 * the zero-width space, ideographic space). */
int utf8_is_space(uint32_t cp);

#endif
