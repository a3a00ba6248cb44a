/*
 * datecontext.h - reads the words around each date of a draft, as its
 * readers do: is the date quoted, the publisher's date line or a byline,
 * the name of a document ("the 12 May action plan"), the day of a meeting
 * that took place ("met on 2 June"), or a day still to come?
 */
#ifndef STMTLINT_DATECONTEXT_H
#define STMTLINT_DATECONTEXT_H

#include "dates.h"

/* Fills list[k].ctx of the n dates of doc (in document order).  Reads the
 * draft's blocks, words and sentences; allocates nothing. */
void read_contexts(const stmtlint_doc *doc, found *list, size_t n);

/* Most years an anniversary may count ("the 100th anniversary"). */
#define ANNIVERSARY_MAX 1000

/* Marks in stated[0, ANNIVERSARY_MAX] every number of years the draft says
 * have passed: "20 years", "20th anniversary", "twentieth anniversary", "a
 * 20-year partnership".  One pass over the draft's words. */
void read_stated_years(const stmtlint_doc *doc, unsigned char stated[ANNIVERSARY_MAX + 1]);

#endif /* STMTLINT_DATECONTEXT_H */
