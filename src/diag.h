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
	char *title;                /* one line for an editor's quick-fix menu */
	int conflict;               /* overlaps a fix of an earlier finding: a suggestion only,
	                               left out of the set a fixer applies */
	int guess;                  /* likely but not certain (fix_guess()): a suggestion only,
	                               never applied and never in the way of a certain fix */
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
	struct stmtlint_ctx *ctx;   /* the plugin's check that reported it, while it runs; NULL
	                               for the core's findings */
};

/* The findings of one file. */
typedef struct diag_list {
	struct stmtlint_diag **items;
	size_t n;
	size_t cap;
	size_t seq;
	size_t kept[4];             /* findings kept, per stmtlint_severity */
	size_t dropped[4];          /* findings past the cap, per severity: counted, not kept */
	size_t dropped_at;          /* the earliest offset of a dropped finding */
	size_t limit;               /* the cap: DIAG_MAX_PER_FILE unless a test sets another */
	struct stmtlint_diag **evicted; /* dropped to make room while a plugin may still hold
	                                   them: freed by diag_list_release_evicted() */
	size_t n_evicted;
} diag_list;

/* The most findings kept for one file.  Past it a new finding replaces a
 * kept one of lower severity (so the worst findings are the ones shown),
 * every finding is still counted by severity, and diag_finish() adds one
 * note saying how many were not shown. */
#define DIAG_MAX_PER_FILE 10000

void diag_list_init(diag_list *l);
/* Frees every finding; the list is empty afterwards. */
void diag_list_free(diag_list *l);
/* Frees the findings evicted to make room; call when no plugin can still
 * hold a handle to them (after each plugin's check). */
void diag_list_release_evicted(diag_list *l);
/* Adds a finding (copying rule and message); returns it, or NULL when out of
 * memory or when the list is full of findings at least as severe (the
 * finding is then counted in dropped[]). */
struct stmtlint_diag *diag_add(diag_list *l, const char *rule, stmtlint_severity severity,
                               size_t start, size_t end, const char *message);
/* Attaches a note; 0 or -1. */
int diag_add_note(struct stmtlint_diag *d, size_t start, size_t end, const char *message);
/* Attaches a fix-it with a title (NULL: a title made from the edit and
 * `text`, the draft, for the replaced words); 0 or -1. */
int diag_add_fix(struct stmtlint_diag *d, size_t start, size_t end, const char *replacement,
                 const char *title, const char *text);
/* Marks the finding's last fix-it as a guess (see diag_fix.guess). */
void diag_mark_guess(struct stmtlint_diag *d);
/* Sorts by (start, severity descending, rule, arrival) and removes exact
 * duplicates (same rule, range and message). */
void diag_sort(diag_list *l);
/* Marks every fix that overlaps a fix of an earlier finding (in sorted
 * order) as a conflict, with all the other fixes of its finding, so that
 * the fixes left can all be applied together; guesses take no part.  Two insertions at one
 * place overlap; a fix that only touches another's end does not. */
void diag_resolve_fixes(diag_list *l);
/* Sorts, removes duplicates, resolves fix overlaps and, when findings were
 * dropped, appends one finding of rule `limit_rule` at `limit_severity`
 * (unless STMTLINT_OFF) saying how many of each severity were not shown. */
void diag_finish(diag_list *l, const char *limit_rule, stmtlint_severity limit_severity);
/* Findings of severity s, those past the cap included. */
size_t diag_count(const diag_list *l, stmtlint_severity s);
/* The highest severity among all findings, those past the cap included;
 * STMTLINT_OFF when there are none. */
stmtlint_severity diag_worst(const diag_list *l);

/* "error", "warning", "note". */
const char *severity_name(stmtlint_severity s);
/* Parses "off", "note", "warning", "error" (and "on" as `on_value`, unless
 * on_value is -1); -1 if none. */
int severity_parse(const char *s, int on_value);

#endif
