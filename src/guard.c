/* guard.c - running plugin code so that a crash, exit() or a hang is reported. */
#include "guard.h"

#include <dlfcn.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The signal the per-thread timer sends. */
#define GUARD_TIMER_SIGNAL SIGALRM
/* The alternate signal stack, so that a stack overflow is caught too. */
#define GUARD_STACK_SIZE (64u * 1024u)

/* What the current thread is running under a guard. */
static __thread sigjmp_buf *guard_jump;
static __thread volatile sig_atomic_t guard_exit_status;
static __thread timer_t guard_timer;
static __thread int guard_timer_made;
static __thread void *guard_stack;

/* Every thread's signal stack is also on this list, so that a leak checker
 * that does not read thread-local storage (LeakSanitizer with use_tls=0)
 * still sees the stacks of live threads as reachable. */
typedef struct stack_node {
	struct stack_node *next;
	void *stack;
} stack_node;
static stack_node *all_stacks;
static pthread_mutex_t all_stacks_lock = PTHREAD_MUTEX_INITIALIZER;
static __thread stack_node *guard_node;

/* Puts the thread's stack on the list; -1 when out of memory. */
static int list_stack(void *stack)
{
	stack_node *n = malloc(sizeof(*n));

	if (n == NULL)
		return -1;
	n->stack = stack;
	pthread_mutex_lock(&all_stacks_lock);
	n->next = all_stacks;
	all_stacks = n;
	pthread_mutex_unlock(&all_stacks_lock);
	guard_node = n;
	return 0;
}

static void unlist_stack(void)
{
	stack_node **p;

	if (guard_node == NULL)
		return;
	pthread_mutex_lock(&all_stacks_lock);
	for (p = &all_stacks; *p != NULL; p = &(*p)->next)
		if (*p == guard_node) {
			*p = guard_node->next;
			break;
		}
	pthread_mutex_unlock(&all_stacks_lock);
	free(guard_node);
	guard_node = NULL;
}

static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
static pthread_once_t handlers_once = PTHREAD_ONCE_INIT;
static volatile int guard_enabled = 1;

void guard_set_enabled(int on)
{
	guard_enabled = on;
}

static void on_signal(int sig)
{
	sigjmp_buf *jump = guard_jump;

	if (jump != NULL) {
		guard_jump = NULL;
		siglongjmp(*jump, sig);
	}
	if (sig == GUARD_TIMER_SIGNAL)
		return;  /* a timer that fired just after its guard ended */
	/* not in guarded code: a crash of stmtlint itself, as usual */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_handlers(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(fatal_signals) / sizeof(*fatal_signals); i++)
		sigaction(fatal_signals[i], &sa, NULL);
	sigaction(GUARD_TIMER_SIGNAL, &sa, NULL);
}

/* The thread's timer and signal stack, made on first use. */
static int prepare_thread(void)
{
	struct sigevent sev;
	stack_t ss;

	if (guard_stack == NULL) {
		guard_stack = malloc(GUARD_STACK_SIZE);
		if (guard_stack == NULL)
			return -1;
		if (list_stack(guard_stack) != 0) {
			free(guard_stack);
			guard_stack = NULL;
			return -1;
		}
		memset(&ss, 0, sizeof(ss));
		ss.ss_sp = guard_stack;
		ss.ss_size = GUARD_STACK_SIZE;
		if (sigaltstack(&ss, NULL) != 0)
			return -1;
	}
	if (!guard_timer_made) {
		memset(&sev, 0, sizeof(sev));
		sev.sigev_notify = SIGEV_THREAD_ID;
		sev.sigev_signo = GUARD_TIMER_SIGNAL;
		sev._sigev_un._tid = gettid();  /* glibc names no macro for it before 2.41 */
		if (timer_create(CLOCK_MONOTONIC, &sev, &guard_timer) != 0)
			return -1;
		guard_timer_made = 1;
	}
	return 0;
}

void guard_thread_end(void)
{
	stack_t ss;

	if (guard_timer_made) {
		timer_delete(guard_timer);
		guard_timer_made = 0;
	}
	if (guard_stack != NULL) {
		memset(&ss, 0, sizeof(ss));
		ss.ss_flags = SS_DISABLE;
		sigaltstack(&ss, NULL);
		unlist_stack();
		free(guard_stack);
		guard_stack = NULL;
	}
}

static void arm(unsigned long ms)
{
	struct itimerspec its;

	memset(&its, 0, sizeof(its));
	its.it_value.tv_sec = (time_t)(ms / 1000);
	its.it_value.tv_nsec = (long)(ms % 1000) * 1000000L;
	timer_settime(guard_timer, 0, &its, NULL);
}

/* A mark for exit() in the jump value, above every signal number. */
#define GUARD_EXIT_MARK 0x10000

guard_result guard_run(int (*fn)(void *arg), void *arg, unsigned long limit_ms, int *rc,
                       int *detail)
{
	sigjmp_buf jump;
	volatile int timed = 0;
	int got;

	*detail = 0;
	if (!guard_enabled) {
		*rc = fn(arg);
		return GUARD_OK;
	}
	pthread_once(&handlers_once, install_handlers);
	if (prepare_thread() != 0) {
		/* cannot guard: run it plainly rather than not at all */
		*rc = fn(arg);
		return GUARD_OK;
	}
	got = sigsetjmp(jump, 1);
	if (got != 0) {
		if (timed)
			arm(0);
		if (got == GUARD_EXIT_MARK) {
			*detail = guard_exit_status;
			return GUARD_EXIT;
		}
		if (got == GUARD_TIMER_SIGNAL) {
			*detail = (int)limit_ms;
			return GUARD_TIMEOUT;
		}
		*detail = got;
		return GUARD_CRASH;
	}
	guard_jump = &jump;
	if (limit_ms > 0) {
		timed = 1;
		arm(limit_ms);
	}
	*rc = fn(arg);
	guard_jump = NULL;
	if (timed)
		arm(0);
	return GUARD_OK;
}

const char *guard_describe(guard_result how, int detail, char *buf, size_t len)
{
	switch (how) {
	case GUARD_CRASH:
		snprintf(buf, len, "crashed (signal %d, %s)", detail, strsignal(detail));
		break;
	case GUARD_EXIT:
		snprintf(buf, len, "called exit(%d)", detail);
		break;
	case GUARD_TIMEOUT:
		snprintf(buf, len, "ran past its time limit of %d ms", detail);
		break;
	default:
		snprintf(buf, len, "returned");
		break;
	}
	return buf;
}

/*
 * exit() for the whole process.  A plugin that calls exit() in the middle
 * of a check would end the run with whatever status it chose (exit(0): a
 * clean run).  This definition, in the executable and exported with
 * -export-dynamic, is the one plugins bind to: inside guarded code it
 * returns to guard_run(); anywhere else it is the C library's exit().
 */
__attribute__((visibility("default"))) void exit(int status)
{
	void (*real_exit)(int) __attribute__((noreturn));
	sigjmp_buf *jump = guard_jump;
	void *sym;

	if (jump != NULL) {
		guard_jump = NULL;
		guard_exit_status = status;
		siglongjmp(*jump, GUARD_EXIT_MARK);
	}
	sym = dlsym(RTLD_NEXT, "exit");
	if (sym != NULL) {
		memcpy(&real_exit, &sym, sizeof(real_exit));
		real_exit(status);
	}
	fflush(NULL);
	_exit(status);
}
