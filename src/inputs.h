/* inputs.h - the drafts a command line names: files as given, folders
 * searched for *.txt and *.md drafts in name order. */
#ifndef STMTLINT_INPUTS_H
#define STMTLINT_INPUTS_H

#include <stddef.h>

#include "errlist.h"

/* Deepest folder recursion when a folder is given. */
#define INPUTS_MAX_DEPTH 32

typedef struct input_list {
	char **paths;      /* "-" for standard input */
	size_t n;
} input_list;

/* Adds `arg`: a folder's drafts, else the path itself (a file named is
 * always checked).  Searching a folder follows no link to a folder, and a
 * draft that is a link to a file outside the repository searched is left
 * out with an [input] warning; a folder with no drafts, one that cannot be
 * read or entered, and a path longer than PATH_MAX are [input] errors in
 * err.  Returns 0, or -1 when out of memory. */
int inputs_add(input_list *l, const char *arg, errlist *err);
void inputs_free(input_list *l);

#endif
