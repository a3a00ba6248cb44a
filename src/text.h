/* text.h - the text helpers the host offers plugins: case folding and the
 * normalised form of a word, on top of utf8.h's decoding and classes. */
#ifndef STMTLINT_TEXT_H
#define STMTLINT_TEXT_H

#include <locale.h>
#include <stddef.h>
#include <stdint.h>

/* The process's UTF-8 character-type locale (C.UTF-8, else C.utf8, else
 * en_US.UTF-8), made once and never freed; (locale_t)0 when none exists.
 * Case folding and display widths are asked under it. */
locale_t text_utf8_locale(void);

/* The simple lower-case folding of cp (the C library's towlower in the
 * C.UTF-8 locale; ASCII only when that locale is missing). */
uint32_t text_fold(uint32_t cp);
/* The normalised form of the word s[0, len): folded, curly apostrophes as
 * "'", ligatures spelled out, soft hyphens and zero-width characters
 * dropped.  Writes at most outlen-1 bytes and a NUL (when outlen > 0) and
 * returns the length the whole form needs. */
size_t text_word_normalize(const char *s, size_t len, char *out, size_t outlen);

#endif
