/* text.h - the text helpers the host offers plugins: case folding and the
 * normalised form of a word, on top of utf8.h's decoding and classes. */
#ifndef STMTLINT_TEXT_H
#define STMTLINT_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* The simple lower-case folding of cp (the C library's towlower in the
 * C.UTF-8 locale; ASCII only when that locale is missing). */
uint32_t text_fold(uint32_t cp);
/* The normalised form of the word s[0, len): folded, curly apostrophes as
 * "'", ligatures spelled out, soft hyphens and zero-width characters
 * dropped.  Writes at most outlen-1 bytes and a NUL (when outlen > 0) and
 * returns the length the whole form needs. */
size_t text_word_normalize(const char *s, size_t len, char *out, size_t outlen);

#endif
