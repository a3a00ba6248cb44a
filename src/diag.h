/* diag.h - diagnostics: storage, ordering, de-duplication. */
#ifndef STMTLINT_DIAG_H
#define STMTLINT_DIAG_H

#include <stddef.h>

#include "stmtlint/plugin.h"

typedef struct diag_note {
	size_t start, end;
	char *message;
} diag_note;

typedef struct diag_fix {
	size_t start, end;
	char *replacement;
} diag_fix;

/* One finding.  The host allocates and owns it; plugins hold only handles. */
struct stmtlint_diag {
	char *rule;                 /* "structure/bullets", or a core rule such as "encoding" */
	stmtlint_severity severity;
	size_t start, end;          /* bytes of the draft's text */
	char *message;
	diag_note *notes;
	size_t n_notes;
	diag_fix *fixes;
	size_t n_fixes;
	size_t seq;                 /* order of arrival, for a stable sort */
};

/* The findings of one file. */
typedef struct diag_list {
	struct stmtlint_diag **items;
	size_t n;
	size_t cap;
	size_t seq;
} diag_list;

/* The most findings kept for one file; past it one note says how many were dropped. */
#define DIAG_MAX_PER_FILE 10000

void diag_list_init(diag_list *l);
/* Frees every finding; the list is empty afterwards. */
void diag_list_free(diag_list *l);
/* Adds a finding (copying rule and message); returns it, or NULL when out of
 * memory or over DIAG_MAX_PER_FILE. */
struct stmtlint_diag *diag_add(diag_list *l, const char *rule, stmtlint_severity severity,
                               size_t start, size_t end, const char *message);
/* Attaches a note; 0 or -1. */
int diag_add_note(struct stmtlint_diag *d, size_t start, size_t end, const char *message);
/* Attaches a fix-it; 0 or -1. */
int diag_add_fix(struct stmtlint_diag *d, size_t start, size_t end, const char *replacement);
/* Sorts by (start, severity descending, rule, arrival) and removes exact
 * duplicates (same rule, range and message). */
void diag_sort(diag_list *l);

/* "error", "warning", "note". */
const char *severity_name(stmtlint_severity s);
/* Parses "off", "note", "warning", "error" (and "on" as `on_value`, unless
 * on_value is -1); -1 if none. */
int severity_parse(const char *s, int on_value);

#endif
