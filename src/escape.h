/* escape.h - text that must not reach a terminal raw: control characters,
 * bidirectional controls and invalid UTF-8, written as visible escapes. */
#ifndef STMTLINT_ESCAPE_H
#define STMTLINT_ESCAPE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Bytes of the longest escape ("\u202E"), without a terminating NUL. */
#define ESCAPE_MAX 6

/* The length (= display width) of the escape text output writes for code
 * point cp, or 0 when cp is shown as itself.  Escaped: C0 controls except
 * TAB, and DEL, as "\x1b"; C1 controls (U+0080-U+009F), the bidirectional
 * embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069)
 * and the line and paragraph separators (U+2028, U+2029) as "\u202E". */
size_t escape_width(uint32_t cp);
/* Writes the escape of cp (escape_width(cp) bytes, no NUL) into out, which
 * holds ESCAPE_MAX bytes; returns its length, 0 (nothing written) when cp
 * needs none. */
size_t escape_cp(uint32_t cp, char *out);
/* Writes the escape of an invalid UTF-8 byte, "\xff", into out; returns 4. */
size_t escape_byte(unsigned char byte, char *out);

/* escape_append flags. */
#define ESCAPE_CONTROLS 0x1u   /* also escape what escape_width() names */

/* Appends s[0, len) to b with every byte that is not part of valid UTF-8
 * written as the text "\xNN" (lower-case hex) and, with ESCAPE_CONTROLS,
 * every character escape_width() names escaped.  A NUL byte counts as a
 * control.  The result is valid UTF-8.  Returns 0, or -1 when b failed. */
int escape_append(buf *b, const char *s, size_t len, unsigned flags);
/* Whether s[0, len) needs escape_append() to change anything under flags. */
int escape_needed(const char *s, size_t len, unsigned flags);

/* Whether cp is a bidirectional embedding, override or isolate control
 * (U+202A-U+202E, U+2066-U+2069), which can make a line read differently
 * from its bytes ("Trojan Source"). */
int escape_is_bidi(uint32_t cp);
/* Finds the bidirectional controls of text[0, len): stores the byte offsets
 * of the first `max` of them in offsets (which may be NULL when max is 0)
 * and returns how many there are in all. */
size_t escape_find_bidi_controls(const char *text, size_t len, size_t *offsets, size_t max);

#endif
