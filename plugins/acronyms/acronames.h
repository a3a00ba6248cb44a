/*
 * acronames.h - where a draft names a registered body in full: not where
 * the registered name is only the tail of a longer capitalised name of
 * another body ("Puerto Rico Department of Education" is not the
 * Department of Education).
 */
#ifndef STMTLINT_ACRONAMES_H
#define STMTLINT_ACRONAMES_H

#include <stddef.h>

#include <stmtlint/plugin.h>

/* Whether a name that starts at prose offset `start` of doc continues a
 * longer capitalised name of another body: the word right before it (white
 * space only between) is capitalised and is no function word, no
 * possessive ("Commerce's"), no word naming a registry government ("U.S.",
 * "Japanese", "White House", "United Nations") and no acronym ("DHS
 * Office of ..."). */
int an_tail_of_other(const stmtlint_doc *doc, size_t start);

/* The first place where doc names `name` (case aside, any white space for
 * a space) as the name itself, not as the tail of another body's name;
 * sets *end after it and returns its start.  Returns 0 with *end 0 when
 * the draft never names it. */
size_t an_find_name(const stmtlint_doc *doc, const char *name, size_t *end);

#endif
