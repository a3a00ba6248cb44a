/* datafiles.h - the files of a folder dataset (`data: {NAME: FOLDER/}`). */
#ifndef STMTLINT_DATAFILES_H
#define STMTLINT_DATAFILES_H

#include <stddef.h>

/* The most files one dataset may gather from its folders and lists: a
 * registry is a handful of files, and each is parsed and kept. */
#define DATAFILES_MAX 256

/* Lists the YAML files directly in folder `dir` (names ending in ".yaml",
 * not starting with '.'), in byte order of their names, so that every
 * machine reads them in the same order.  Sets *names to a malloc'ed array
 * of *n malloc'ed names (not paths), which the caller frees with
 * datafiles_free().  Returns 0, or -1 with a one-line reason in why (the
 * folder cannot be read, it holds more than DATAFILES_MAX such files, or
 * memory ran out). */
int datafiles_list(const char *dir, char ***names, size_t *n, char *why, size_t whylen);
/* Frees what datafiles_list() returned; accepts NULL. */
void datafiles_free(char **names, size_t n);

#endif
