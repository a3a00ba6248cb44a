/*
 * dates.h - what the parts of the dates plugin share: one date of the draft
 * with what the checks derive from it, and the statement's own date.
 *
 * dates.c collects and checks the dates; datecontext.c reads the words
 * around each date (is it quoted, a date line, the name of a document, the
 * day of a meeting that took place?); datestyle.c decides the draft's style
 * and reports dates written otherwise.
 */
#ifndef STMTLINT_DATES_H
#define STMTLINT_DATES_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "dateparse.h"

/* The plugin's checks, in the order of its checks table (dates.c). */
enum check_index {
	CHECK_INVALID = 0,
	CHECK_WEEKDAY,
	CHECK_RANGE,
	CHECK_AFTER_STATEMENT,
	CHECK_LATE_RELEASE,
	CHECK_FAR_YEAR,
	CHECK_STYLE,
	CHECK_NUMERIC,
	CHECK_GUESSED_YEAR,
	CHECK_YEAR_TYPO,
	CHECK_STYLE_MIX
};

/* Where a date's year comes from. */
typedef enum year_source {
	YEAR_NONE = 0,      /* no year: not written and no statement date to take one from */
	YEAR_WRITTEN,       /* written in the date */
	YEAR_PARAGRAPH,     /* certain: the year of an earlier date of the same paragraph */
	YEAR_GUESSED        /* taken from the statement's date and the tense around it */
} year_source;

/* What the words around a date say of the time it names. */
typedef enum date_tense {
	TENSE_NONE = 0,     /* nothing says */
	TENSE_PAST,         /* a past-tense clause ("was signed on", "last", "ago") */
	TENSE_PAST_MEETING, /* tied in one clause to a past-tense meeting verb ("met on") */
	TENSE_FUTURE        /* a clause about the future or plans ("will", "look forward") */
} date_tense;

/* What a date is, read from the words around it (datecontext.c). */
typedef struct date_context {
	int quoted;         /* inside quotation marks: someone else's words */
	int publisher;      /* the date line, or a byline such as "20 May 2023, Hiroshima" */
	int attributive;    /* names a document or event: "the 12 May action plan" */
	date_tense tense;
	size_t block;       /* index of the block that holds it */
} date_context;

/* One date of the draft with what the checks derive from it. */
typedef struct found {
	dp_date d;
	date_context ctx;
	int year;           /* written, else inferred; 0 unknown */
	year_source source;
	int valid;          /* month and days are real (for the year, when known) */
	long first;         /* day numbers of the first and last day, when has_days */
	long last;
	int has_days;
} found;

/* The statement's own date. */
typedef struct statement_date {
	int known;
	int year, month, day;
	long number;            /* dp_day_number() */
	size_t start, end;      /* where it is written in doc->text */
	size_t found_index;     /* its entry in the found array, or SIZE_MAX */
} statement_date;

/* Room for a quoted piece of draft text or a rewritten date. */
#define TEXT_MAX 160

/* Copies doc text [start, end) into buf for quoting in a message: line
 * breaks and tabs become spaces; cut at a character boundary when longer
 * than the buffer. */
void quote_span(const char *text, size_t start, size_t end, char *buf, size_t cap);

/* Whether the word w of text is `word` (lower case ASCII), ignoring case. */
int words_equal(const char *text, stmtlint_span w, const char *word);

/* Whether the word w is one of the NULL-terminated list. */
int word_in(const char *text, stmtlint_span w, const char *const *list);

#endif /* STMTLINT_DATES_H */
