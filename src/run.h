/* run.h - checking the drafts a command line names: folders searched,
 * --exclude and `ignore:` patterns applied, drafts checked (or fixed) by
 * -j threads, and every report handed to the output in input order, so
 * that the output is the same byte for byte whatever the number of
 * threads. */
#ifndef STMTLINT_RUN_H
#define STMTLINT_RUN_H

#include <stddef.h>

#include "fix.h"
#include "session.h"
#include "sink.h"

/* With more drafts than this, a terminal gets a progress line. */
#define RUN_PROGRESS_MIN_FILES 40
/* How many drafts the threads may check ahead of the one the output waits
 * for, per thread: bounds the reports held in memory. */
#define RUN_WINDOW_PER_JOB 32
/* The most threads -j accepts. */
#define RUN_MAX_JOBS 256

typedef struct run_opts {
	unsigned jobs;                   /* threads that check drafts (1: the calling thread) */
	const char *const *excludes;     /* --exclude glob patterns, relative to the current folder */
	size_t n_excludes;
	fix_mode fix;
	unsigned long long max_size;     /* largest draft read (for --fix) */
	const char *stdin_name;          /* --stdin-filename, or NULL */
	int progress;                    /* a progress line on standard error */
	int quiet;                       /* no line per fixed draft on standard error */
} run_opts;

/* What the run saw. */
typedef struct run_totals {
	sink_totals counts;
	size_t inputs;       /* drafts to check (named, or found and not left out) */
	int status;          /* 0, 1 (a finding at or above a draft's fail-on level), 2 (an error) */
} run_totals;

/* Checks (or fixes) the drafts `operands` name ("-": standard input; no
 * operand means "-"), handing `k` first `early` (the session's errors),
 * then each draft's report in input order.  A draft found by searching a
 * folder is left out when an --exclude pattern matches its path or an
 * `ignore:` pattern of its configuration matches its path from the
 * configuration's folder; a pattern with no '/' matches any one name
 * along the path ("README.md", "old-*"), one with '/' the path or one of
 * its folders ("drafts/archive", "drafts/old-?.txt"), as fnmatch(3) with
 * FNM_PATHNAME.  A draft named on the command line is always checked.
 * Fills *t; the caller calls k->finish(). */
void run_drafts(session *s, const run_opts *o, char *const *operands, size_t n_operands,
                const errlist *early, sink *k, run_totals *t);

/* Adds errors to the totals (errors count as errors, warnings as warnings;
 * an error makes the status 2). */
void run_tally_errors(run_totals *t, const errlist *errors);

#endif
