/* position.c - byte offsets of a draft as lines and columns in every unit. */
#include "position.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "doc.h"
#include "escape.h"
#include "text.h"
#include "utf8.h"

int position_unit_parse(const char *name)
{
	if (strcmp(name, "display") == 0)
		return POSITION_UNIT_DISPLAY;
	if (strcmp(name, "byte") == 0)
		return POSITION_UNIT_BYTE;
	if (strcmp(name, "codepoint") == 0)
		return POSITION_UNIT_CODEPOINT;
	return -1;
}

size_t position_column(const position *p, position_unit unit)
{
	switch (unit) {
	case POSITION_UNIT_BYTE:
		return p->byte_column;
	case POSITION_UNIT_CODEPOINT:
		return p->cp_column;
	case POSITION_UNIT_DISPLAY:
	default:
		return p->display_column;
	}
}

/* ---- the width of one code point ------------------------------------------ */

typedef struct cp_range {
	uint32_t first;
	uint32_t last;
} cp_range;

/* The format characters, Unicode category Cf (Unicode 14, as glibc 2.36):
 * zero width.  glibc's wcwidth() already gives 0 to all of them but the
 * soft hyphen U+00AD and the prepended concatenation marks (U+0600-U+0605,
 * U+06DD, U+070F, U+0890-U+0891, U+08E2, U+110BD, U+110CD), which it gives 1. */
static const cp_range format_chars[] = {
	{ 0x00AD, 0x00AD }, { 0x0600, 0x0605 }, { 0x061C, 0x061C }, { 0x06DD, 0x06DD },
	{ 0x070F, 0x070F }, { 0x0890, 0x0891 }, { 0x08E2, 0x08E2 }, { 0x180E, 0x180E },
	{ 0x200B, 0x200F }, { 0x202A, 0x202E }, { 0x2060, 0x2064 }, { 0x2066, 0x206F },
	{ 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB }, { 0x110BD, 0x110BD }, { 0x110CD, 0x110CD },
	{ 0x13430, 0x13438 }, { 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A }, { 0xE0001, 0xE0001 },
	{ 0xE0020, 0xE007F },
};

/* Without a UTF-8 locale: combining marks of the combining diacritical
 * blocks, variation selectors, Hangul medial vowels and final consonants. */
static const cp_range fallback_zero[] = {
	{ 0x0300, 0x036F }, { 0x1160, 0x11FF }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF },
	{ 0x20D0, 0x20FF }, { 0xD7B0, 0xD7FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xE0100, 0xE01EF },
};

/* Without a UTF-8 locale: East Asian wide and fullwidth blocks, emoji. */
static const cp_range fallback_wide[] = {
	{ 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0xA4CF }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFAFF }, { 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 },
	{ 0x1F300, 0x1F64F }, { 0x1F900, 0x1F9FF }, { 0x20000, 0x3FFFD },
};

/* Blocks of pictographs whose glyphs a ZERO WIDTH JOINER joins into one
 * emoji: Miscellaneous Technical, Miscellaneous Symbols, Dingbats,
 * Miscellaneous Symbols and Arrows, and U+1F000-U+1FAFF (Mahjong tiles to
 * Symbols and Pictographs Extended-A). */
static const cp_range pictographs[] = {
	{ 0x2300, 0x23FF }, { 0x2600, 0x27BF }, { 0x2B00, 0x2BFF }, { 0x1F000, 0x1FAFF },
};

#define N_RANGES(a) (sizeof(a) / sizeof((a)[0]))

static int in_ranges(uint32_t cp, const cp_range *r, size_t n)
{
	size_t lo = 0;
	size_t hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].first)
			hi = mid;
		else if (cp > r[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int position_cp_width_fallback(uint32_t cp)
{
	if (in_ranges(cp, format_chars, N_RANGES(format_chars)) ||
	    in_ranges(cp, fallback_zero, N_RANGES(fallback_zero)))
		return 0;
	return in_ranges(cp, fallback_wide, N_RANGES(fallback_wide)) ? 2 : 1;
}

int position_cp_width(uint32_t cp)
{
	locale_t utf8;
	locale_t previous;
	int w;

	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (in_ranges(cp, format_chars, N_RANGES(format_chars)))
		return 0;
	utf8 = text_utf8_locale();
	if (utf8 == (locale_t)0)
		return position_cp_width_fallback(cp);
	/* uselocale() changes only this thread's locale, and only here */
	previous = uselocale(utf8);
	w = wcwidth((wchar_t)cp);
	uselocale(previous);
	return w < 0 ? 1 : w;
}

/* ---- walking a line ---------------------------------------------------------- */

#define ZERO_WIDTH_JOINER 0x200D
#define VARIATION_SELECTOR_16 0xFE0F

static int is_skin_tone(uint32_t cp)
{
	return cp >= 0x1F3FB && cp <= 0x1F3FF;
}

position_walk position_walk_start(size_t offset)
{
	position_walk w;

	memset(&w, 0, sizeof(w));
	w.byte = offset;
	return w;
}

/* The display width of cp at walk w (not an invalid byte), and w's next glyph state. */
static size_t cp_display_width(const position_walk *w, uint32_t cp, unsigned *glyph, int *escaped)
{
	size_t esc = escape_width(cp);
	int width;

	*escaped = esc > 0;
	*glyph = 0;
	if (cp == '\t')
		return POSITION_TABSTOP - w->display % POSITION_TABSTOP;
	if (esc > 0)
		return esc;
	if (w->glyph & POSITION_GLYPH_EMOJI) {
		if (cp == ZERO_WIDTH_JOINER) {
			*glyph = POSITION_GLYPH_EMOJI | POSITION_GLYPH_JOINING;
			return 0;
		}
		if (cp == VARIATION_SELECTOR_16 || is_skin_tone(cp) ||
		    ((w->glyph & POSITION_GLYPH_JOINING) &&
		     in_ranges(cp, pictographs, N_RANGES(pictographs)))) {
			*glyph = POSITION_GLYPH_EMOJI;
			return 0;
		}
	}
	width = position_cp_width(cp);
	if (width == 0) {
		/* a combining mark stays in the glyph; VS16 makes it an emoji */
		*glyph = w->glyph & POSITION_GLYPH_EMOJI;
		if (cp == VARIATION_SELECTOR_16 && w->cps > 0)
			*glyph = POSITION_GLYPH_EMOJI;
		return 0;
	}
	if (in_ranges(cp, pictographs, N_RANGES(pictographs)))
		*glyph = POSITION_GLYPH_EMOJI;
	return (size_t)width;
}

void position_step(position_walk *w, const char *text, size_t end, position_char *ch)
{
	const unsigned char first = (unsigned char)text[w->byte];
	unsigned glyph = 0;

	ch->invalid = 0;
	ch->escaped = 0;
	if (first >= 0x20 && first < 0x7F) {
		ch->cp = first;
		ch->len = 1;
		ch->width = 1;
	} else {
		ch->len = utf8_decode(text + w->byte, end - w->byte, &ch->cp);
		if (ch->len == 0) {
			ch->cp = first;
			ch->len = 1;
			ch->invalid = 1;
			ch->escaped = 1;
			ch->width = 4;   /* "\xff" */
		} else {
			ch->width = cp_display_width(w, ch->cp, &glyph, &ch->escaped);
		}
	}
	w->byte += ch->len;
	w->cps++;
	w->utf16 += ch->cp >= 0x10000 ? 2 : 1;   /* a surrogate pair */
	w->display += ch->width;
	w->glyph = glyph;
}

/* ---- the cursor -------------------------------------------------------------- */

void position_cursor_init(position_cursor *c, const stmtlint_doc *doc)
{
	memset(c, 0, sizeof(*c));
	c->doc = doc;
	c->line = SIZE_MAX;
}

void position_cursor_free(position_cursor *c)
{
	free(c->marks);
	c->marks = NULL;
	c->n_marks = 0;
	c->cap_marks = 0;
}

static size_t line_start(const stmtlint_doc *doc, size_t line)
{
	return doc->n_lines > 0 ? doc->lines[line].start : 0;
}

/* Makes `line` the cursor's line: its walks start over from the line's start. */
static void cursor_enter_line(position_cursor *c, size_t line)
{
	c->line = line;
	c->at = position_walk_start(line_start(c->doc, line));
	c->frontier = c->at;
	c->n_marks = 0;
}

/* The line of `offset` (clamped), looking at the cursor's line first. */
static size_t cursor_line_of(position_cursor *c, size_t offset)
{
	const stmtlint_doc *doc = c->doc;
	size_t l = c->line;

	if (l != SIZE_MAX && doc->n_lines > 0 && offset >= doc->lines[l].start &&
	    (l + 1 == doc->n_lines || offset < doc->lines[l + 1].start))
		return l;
	return doc_line_of(doc, offset);
}

/* Remembers w as a mark when it is a stride past the last one (or the first);
 * without memory the cursor only walks further. */
static void cursor_mark(position_cursor *c, const position_walk *w)
{
	if (c->n_marks > 0 && w->byte - c->marks[c->n_marks - 1].byte < POSITION_MARK_STRIDE)
		return;
	if (c->n_marks == c->cap_marks) {
		size_t cap = c->cap_marks ? 2 * c->cap_marks : 16;
		position_walk *p = realloc(c->marks, cap * sizeof(*p));

		if (p == NULL)
			return;
		c->marks = p;
		c->cap_marks = cap;
	}
	c->marks[c->n_marks++] = *w;
}

/* Walks w forward over whole code points of doc up to `offset` (not past
 * it); with a cursor, extends its frontier and marks on the way. */
static void walk_to(const stmtlint_doc *doc, position_walk *w, size_t offset, position_cursor *c)
{
	position_char ch;

	while (w->byte < offset) {
		position_walk next = *w;

		position_step(&next, doc->text, doc->length, &ch);
		if (next.byte > offset)
			break;
		*w = next;
		if (c != NULL && w->byte > c->frontier.byte) {
			c->frontier = *w;
			cursor_mark(c, w);
		}
	}
}

/* The last mark (or the line's start) at or before byte `offset`. */
static position_walk cursor_mark_before(const position_cursor *c, size_t offset)
{
	size_t lo = 0;
	size_t hi = c->n_marks;

	if (c->n_marks == 0 || c->marks[0].byte > offset)
		return position_walk_start(line_start(c->doc, c->line));
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->marks[mid].byte <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return c->marks[lo];
}

/* The walk at `offset` of the cursor's line, from the nearest known walk before it. */
static position_walk cursor_reach(position_cursor *c, size_t offset)
{
	position_walk w;

	if (c->frontier.byte <= offset) {
		w = c->frontier;
	} else {
		w = cursor_mark_before(c, offset);
		if (c->at.byte <= offset && c->at.byte > w.byte)
			w = c->at;
	}
	walk_to(c->doc, &w, offset, c);
	return w;
}

/* Clamps offset to the text and enters its line. */
static size_t cursor_enter(position_cursor *c, size_t offset)
{
	size_t line;

	if (offset > c->doc->length)
		offset = c->doc->length;
	line = cursor_line_of(c, offset);
	if (line != c->line)
		cursor_enter_line(c, line);
	if (offset < line_start(c->doc, line))
		offset = line_start(c->doc, line);
	return offset;
}

position_walk position_walk_at(position_cursor *c, size_t offset)
{
	offset = cursor_enter(c, offset);
	c->at = cursor_reach(c, offset);
	return c->at;
}

static position position_from_walk(size_t line, size_t start, const position_walk *w)
{
	position p;

	p.line = line + 1;
	p.byte_column = w->byte - start + 1;
	p.cp_column = w->cps + 1;
	p.utf16_column = w->utf16 + 1;
	p.display_column = w->display + 1;
	return p;
}

position position_at(position_cursor *c, size_t offset)
{
	position_walk w = position_walk_at(c, offset);

	return position_from_walk(c->line, line_start(c->doc, c->line), &w);
}

/* The end of line `line` (0-based) of the cursor's document. */
static size_t line_end(const stmtlint_doc *doc, size_t line)
{
	return doc->n_lines > 0 ? doc->lines[line].end : doc->length;
}

size_t position_line_width(position_cursor *c, size_t line)
{
	size_t end = line_end(c->doc, line);
	position_walk w;

	if (line != c->line)
		cursor_enter_line(c, line);
	w = cursor_reach(c, end);
	return w.display;
}

position_walk position_seek_display(position_cursor *c, size_t line, size_t display)
{
	const stmtlint_doc *doc = c->doc;
	size_t end = line_end(doc, line);
	size_t lo = 0;
	size_t hi;
	position_walk w;
	position_char ch;

	if (line != c->line)
		cursor_enter_line(c, line);
	position_line_width(c, line);   /* marks up to the line's end */
	hi = c->n_marks;
	w = position_walk_start(line_start(doc, line));
	/* walk from the last mark within the line before the display column */
	if (hi > 0 && c->marks[0].display < display && c->marks[0].byte <= end) {
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;

			if (c->marks[mid].display < display && c->marks[mid].byte <= end)
				lo = mid;
			else
				hi = mid;
		}
		w = c->marks[lo];
	}
	while (w.display < display && w.byte < end)
		position_step(&w, doc->text, doc->length, &ch);
	return w;
}

position position_of(const stmtlint_doc *doc, size_t offset)
{
	size_t line;
	position_walk w;

	if (offset > doc->length)
		offset = doc->length;
	line = doc_line_of(doc, offset);
	if (offset < line_start(doc, line))
		offset = line_start(doc, line);
	w = position_walk_start(line_start(doc, line));
	walk_to(doc, &w, offset, NULL);
	return position_from_walk(line, line_start(doc, line), &w);
}
