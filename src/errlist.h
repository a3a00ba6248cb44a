/* errlist.h - errors that stop a check (configuration, plugins, input), as
 * data: a file, a position, a core rule and a message, never text to be
 * parsed again.  Every output format prints them its own way. */
#ifndef STMTLINT_ERRLIST_H
#define STMTLINT_ERRLIST_H

#include <stdarg.h>
#include <stddef.h>

#include "stmtlint/plugin.h"
#include "buf.h"

/* One error. */
typedef struct sl_error {
	char *file;                  /* the file it is about (a configuration, a plugin, a draft),
	                                or NULL for the command line */
	size_t line, column;         /* 1-based; 0 when it has no position in the file */
	const char *rule;            /* a core rule: "config", "plugin" or "input" (static) */
	stmtlint_severity severity;  /* STMTLINT_ERROR, or STMTLINT_WARNING for what only warns */
	char *message;
} sl_error;

typedef struct errlist {
	sl_error *items;
	size_t n;
	size_t cap;
	size_t dropped;              /* errors past ERRLIST_MAX, counted but not kept */
} errlist;

/* The most errors kept in one list; more are counted in `dropped`. */
#define ERRLIST_MAX 1000
/* The longest message kept; longer ones are cut. */
#define ERRLIST_MAX_MESSAGE 4096

void errlist_init(errlist *l);
/* Frees every error; the list is empty afterwards.  Accepts NULL. */
void errlist_free(errlist *l);
/* Keeps the first n errors and forgets the others (and those dropped). */
void errlist_truncate(errlist *l, size_t n);
/* Adds an error (file and message copied).  Out of memory, it is counted
 * in `dropped` so that the caller still knows something failed. */
void errlist_add(errlist *l, const char *rule, const char *file, size_t line, size_t column,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void errlist_vadd(errlist *l, const char *rule, const char *file, size_t line, size_t column,
                  const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
/* Like errlist_add, with severity `sev` (a warning that does not stop). */
void errlist_add_sev(errlist *l, const char *rule, stmtlint_severity sev, const char *file,
                     size_t line, size_t column, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* Whether the list holds an error (not only warnings). */
int errlist_has_error(const errlist *l);
/* Appends each error as a line "FILE:LINE:COL: error: MESSAGE [RULE]"
 * (without the position when it has none; "stmtlint: error: …" without a
 * file), as compilers print them. */
void errlist_format(const errlist *l, buf *out);
/* Formats one error as errlist_format does, without the newline. */
void errlist_format_one(const sl_error *e, buf *out);

#endif
