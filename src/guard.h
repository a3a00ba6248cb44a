/* guard.h - running a plugin's code so that its crash, its call of exit()
 * or its running past a time limit is reported instead of ending (or
 * hanging) the whole run, as GCC reports an internal compiler error in a
 * plugin.  After a failure the plugin's state cannot be trusted: the
 * caller leaves the plugin out of the rest of the run. */
#ifndef STMTLINT_GUARD_H
#define STMTLINT_GUARD_H

#include <stddef.h>

typedef enum guard_result {
	GUARD_OK = 0,
	GUARD_CRASH,      /* a fatal signal: detail is its number */
	GUARD_EXIT,       /* exit() was called: detail is the status */
	GUARD_TIMEOUT     /* the time limit passed: detail is the limit in ms */
} guard_result;

/* Calls fn(arg) and stores its return value in *rc.  A SIGSEGV, SIGBUS,
 * SIGILL, SIGFPE or SIGABRT raised while it runs, a call of exit() from
 * it, or `limit_ms` milliseconds passing (0: no limit) ends the call
 * instead; the result says which, with *detail.  Safe to use from several
 * threads at once (each has its own timer and signal stack).  Returns
 * GUARD_OK when fn returned. */
guard_result guard_run(int (*fn)(void *arg), void *arg, unsigned long limit_ms, int *rc,
                       int *detail);

/* Frees what guard_run() made for the calling thread (its timer and its
 * alternate signal stack); a thread that used guard_run() calls it before
 * it ends.  Guarding works again after it, as on a new thread. */
void guard_thread_end(void);

/* Turns guarding off (0) or on (1, the default) for the whole process: a
 * fuzzer wants a plugin's crash to reach it, not to be reported. */
void guard_set_enabled(int on);

/* A phrase for a failure: "crashed (SIGSEGV, segmentation fault)", "called
 * exit(0)", "ran past its time limit of 10000 ms".  Writes into buf. */
const char *guard_describe(guard_result how, int detail, char *buf, size_t len);

#endif
