/* position.h - byte offsets of a draft as lines and columns, in every unit
 * people and editors count in: bytes, code points, UTF-16 code units and
 * display columns (what a terminal shows, as GCC's
 * -fdiagnostics-column-unit=display). */
#ifndef STMTLINT_POSITION_H
#define STMTLINT_POSITION_H

#include <stddef.h>
#include <stdint.h>

#include "stmtlint/plugin.h"

/* Display columns between tab stops, as GCC's default -ftabstop. */
#define POSITION_TABSTOP 8
/* A cursor remembers where it was every this many bytes of a line, so that
 * going back on a long line walks at most this far again. */
#define POSITION_MARK_STRIDE 1024

/* The unit of the column in `file:line:column:`. */
typedef enum position_unit {
	POSITION_UNIT_DISPLAY = 0,   /* terminal columns (tabs to the next stop, wide 2, …) */
	POSITION_UNIT_BYTE,          /* bytes of UTF-8 */
	POSITION_UNIT_CODEPOINT      /* Unicode code points */
} position_unit;

/* "display", "byte" or "codepoint" as a position_unit; -1 for anything else. */
int position_unit_parse(const char *name);

/* Display width of code point cp on its own (0, 1 or 2), as wcwidth() under
 * the C.UTF-8 locale says, except: format characters (Unicode category Cf,
 * such as the soft hyphen U+00AD, to which glibc gives 1) are 0, and code
 * points wcwidth() does not know (it returns -1) are 1.  Tabs and the
 * characters that text output escapes are the walk's business
 * (position_step).  When no UTF-8 locale can be made (C.UTF-8, C.utf8,
 * en_US.UTF-8 are tried once), position_cp_width_fallback() answers. */
int position_cp_width(uint32_t cp);
/* The widths used without a UTF-8 locale: 0 for the combining diacritical
 * blocks (U+0300-U+036F, U+1AB0-U+1AFF, U+1DC0-U+1DFF, U+20D0-U+20FF,
 * U+FE20-U+FE2F), the zero-width and format characters, the variation
 * selectors and the Hangul medial vowels and final consonants; 2 for the
 * East Asian wide and fullwidth blocks and the emoji blocks; 1 otherwise.
 * Public so that tests can check it on a machine that has the locale. */
int position_cp_width_fallback(uint32_t cp);

/* Where a walk along one line is: counts from the line's start (0-based). */
typedef struct position_walk {
	size_t byte;        /* offset into the text (not from the line start) */
	size_t cps;         /* code points since the line start (an invalid byte is one) */
	size_t utf16;       /* UTF-16 code units since the line start */
	size_t display;     /* display columns since the line start */
	unsigned glyph;     /* POSITION_GLYPH_* of the glyph the walk is in */
} position_walk;

#define POSITION_GLYPH_EMOJI 0x1u     /* the current glyph is an emoji */
#define POSITION_GLYPH_JOINING 0x2u   /* … and a ZERO WIDTH JOINER follows it */

/* One step of a walk: the code point (or invalid byte) stepped over. */
typedef struct position_char {
	uint32_t cp;        /* the code point, or the value of an invalid byte */
	size_t len;         /* bytes it takes */
	size_t width;       /* display columns it takes where the walk is */
	int invalid;        /* an invalid UTF-8 byte */
	int escaped;        /* text output writes it as an escape of `width` bytes */
} position_char;

/* A walk at byte `offset`, taken to be a line's start. */
position_walk position_walk_start(size_t offset);
/* Steps w over the code point at text[w->byte] (which must be < end; `end`
 * bounds decoding) and describes it in *ch.  Display widths: a tab advances
 * to the next multiple of POSITION_TABSTOP; what text output escapes takes
 * the width of its escape (4 for "\x1b" and an invalid byte, 6 for
 * "\u202E"); a code point after a ZERO WIDTH JOINER that follows an emoji
 * joins it (0), as does an emoji skin-tone modifier and VARIATION SELECTOR-16
 * (which makes the glyph an emoji); everything else position_cp_width(). */
void position_step(position_walk *w, const char *text, size_t end, position_char *ch);

/* A line and column in every unit, all 1-based. */
typedef struct position {
	size_t line;
	size_t byte_column;
	size_t cp_column;
	size_t utf16_column;
	size_t display_column;
} position;

/* The column of p in `unit`. */
size_t position_column(const position *p, position_unit unit);

/* Converts many offsets of one document.  Converting offsets in ascending
 * order walks each line once; going back walks at most
 * POSITION_MARK_STRIDE bytes again (from a remembered mark).  The cursor
 * owns its marks; free them with position_cursor_free().  Not for
 * concurrent use; the document must outlive it. */
typedef struct position_cursor {
	const stmtlint_doc *doc;
	size_t line;             /* 0-based index of the line walked; SIZE_MAX for none yet */
	position_walk at;        /* where the last conversion ended */
	position_walk frontier;  /* the furthest the line has been walked */
	position_walk *marks;    /* walks at least POSITION_MARK_STRIDE bytes apart from
	                            the line's start, ascending, none beyond frontier */
	size_t n_marks;
	size_t cap_marks;
} position_cursor;

void position_cursor_init(position_cursor *c, const stmtlint_doc *doc);
/* Frees the cursor's marks; accepts a cursor that was only initialised. */
void position_cursor_free(position_cursor *c);
/* The position of byte `offset` (clamped to [0, doc->length]).  An offset
 * inside a code point has that code point's column; offsets in a line's
 * "\n" or past its end count on from its end. */
position position_at(position_cursor *c, size_t offset);
/* The walk at the code point boundary at or before `offset` (clamped as
 * position_at does), to print from there. */
position_walk position_walk_at(position_cursor *c, size_t offset);
/* The walk at the first code point boundary of line `line` (0-based) whose
 * display column is at least `display` (0-based), or at the line's end. */
position_walk position_seek_display(position_cursor *c, size_t line, size_t display);
/* The display width of line `line` (0-based), without its newline. */
size_t position_line_width(position_cursor *c, size_t line);

/* The position of one offset, walking its line from the start: for a few
 * offsets; use a cursor for many. */
position position_of(const stmtlint_doc *doc, size_t offset);

#endif
