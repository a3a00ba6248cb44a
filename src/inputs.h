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

/* Adds `arg`: a folder's drafts (without following links; a folder with
 * none, or one that cannot be read, is an [input] error in err), else the
 * path itself.  Returns 0, or -1 when out of memory. */
int inputs_add(input_list *l, const char *arg, errlist *err);
void inputs_free(input_list *l);

#endif
