/*
 * dataroots.h - the root mappings of a dataset, whether the profile names
 * one YAML file (the dataset is that file's root mapping) or a folder or list
 * of files (the dataset is a sequence of the files' root mappings).  Shared
 * by the `acronyms` and `terms` plugins (each links its own copy).
 */
#ifndef STMTLINT_DATAROOTS_H
#define STMTLINT_DATAROOTS_H

#include <stddef.h>

#include <stmtlint/plugin.h>

/* Stores in roots[0, max) the root mappings of `dataset` (NULL: none) and
 * sets *count.  Returns 0, or -1 after reporting through config_error a root
 * that is not a mapping or more than `max` files.  The nodes stay the
 * host's. */
int dr_roots(const stmtlint_host *host, const stmtlint_options *opts,
             const stmtlint_node *dataset, const char *name, const stmtlint_node **roots,
             size_t max, size_t *count);

/* Strings of the sequence `node` (NULL: none), each passed to
 * add(arg, string, node).  Returns 0, or -1 after reporting through
 * config_error an item that is not a string, a `node` that is not a
 * sequence, or a failure of add() (which returns -1 on its own errors). */
int dr_strings(const stmtlint_host *host, const stmtlint_options *opts,
               const stmtlint_node *node, const char *what,
               int (*add)(void *arg, const char *s, const stmtlint_node *at), void *arg);

#endif
