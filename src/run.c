/* run.c - checking the drafts a command line names, in parallel, with the
 * output in input order.
 *
 * Threads, not worker processes.  The session loads the plugins, reads
 * each configuration and runs every plugin's init() once; threads share
 * all of it (datasets, dictionaries, compiled patterns) and plugins are
 * written to be re-entrant in check() (plugin.h).  Worker processes would
 * each load and initialise everything again, or need it all before a
 * fork, and send every report back through a pipe.  What makes threads
 * safe here:
 *   - every configuration is found, read and initialised on the calling
 *     thread, in input order, before any thread starts (session_prepare()),
 *     so a configuration's errors go to the same draft as with one thread,
 *     and init() never runs concurrently;
 *   - the guard (guard.c) is per thread: each thread has its own timer
 *     (SIGEV_THREAD_ID), its own alternate signal stack and its own jump
 *     buffer, so a plugin that crashes, calls exit() or runs past its time
 *     limit is stopped on the thread where it ran, and the others go on;
 *     each thread frees its guard when it ends (guard_thread_end());
 *   - reports are handed to the output on the calling thread only, in
 *     input order.
 * What a process would contain and a thread cannot: a plugin that crashes
 * may have damaged memory the other threads use, and one stopped by its
 * time limit may have been holding a lock (its resource's, or the C
 * library's) that the others then wait for; the time limit bounds their
 * wait.  Both were already true of one thread running drafts one after
 * the other (the plugin is then left out, as before), and both concern a
 * plugin that is already reported as broken.  Which drafts such a plugin
 * is left out of does not depend on timing: a plugin that failed on a
 * draft is left out of the drafts after it in input order only
 * (ruleset_check_at()), and a draft checked while a plugin failed on an
 * earlier one is checked again before it is written out
 * (recheck_if_needed()).  The output is therefore the same byte for byte
 * as with one thread, as long as the drafts do not change on disk while
 * the run reads them (with several threads a draft may be read before the
 * check of an earlier one has ended); with --fix, a plugin failing may
 * leave a draft fixed that one thread would have left alone. */
#include "run.h"

#include <fnmatch.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "escape.h"
#include "guard.h"
#include "inputs.h"

/* How often the progress line is redrawn at most (milliseconds). */
#define RUN_PROGRESS_INTERVAL_MS 100

/* One draft of the run. */
typedef struct job {
	const char *path;               /* as found or named ("-": standard input) */
	int left_out;                   /* excluded or ignored: only its errors are shown */
	const session_config *c;        /* NULL: nothing to check (r.errors says why) */
	check_report r;
	fix_result fix;
	char *rendered;                 /* the findings as the output writes them (sink.render) */
	size_t rendered_len;
	int render_failed;
	size_t prepared_errors;         /* errors r had before its check: its configuration's */
	size_t failures_seen;           /* plugin failures in the process when its check began */
	int done;                       /* checked: ready for the output */
} job;

typedef struct run_state {
	session *s;
	const run_opts *o;
	const sink *k;
	job *jobs;
	size_t n;
	pthread_mutex_t lock;           /* guards what follows and each job's done */
	pthread_cond_t job_done;        /* the job the output waits for is done */
	pthread_cond_t room;            /* the output moved on: threads may go further */
	size_t next;                    /* the next job a thread takes */
	size_t emitted;                 /* jobs handed to the output */
	size_t window;                  /* how far past `emitted` threads may go */
	size_t awaited;                 /* the job the output waits for; SIZE_MAX: none */
	size_t threads_waiting;         /* threads waiting for room */
} run_state;

/* ---- which drafts -------------------------------------------------------------- */

/* Whether `pattern` matches the relative path `rel` as run.h says. */
static int pattern_matches(const char *pattern, const char *rel)
{
	char part[PATH_MAX];
	const char *p;

	while (pattern[0] == '.' && pattern[1] == '/')
		pattern += 2;
	if (pattern[0] == '/')
		pattern++;
	if (strchr(pattern, '/') == NULL) {
		/* any one name along the path */
		for (p = rel; *p != '\0';) {
			size_t len = strcspn(p, "/");

			if (len < sizeof(part)) {
				memcpy(part, p, len);
				part[len] = '\0';
				if (fnmatch(pattern, part, 0) == 0)
					return 1;
			}
			p += len;
			p += *p == '/';
		}
		return 0;
	}
	/* the path, or one of its folders */
	for (p = rel; (p = strchr(p, '/')) != NULL; p++) {
		size_t len = (size_t)(p - rel);

		if (len < sizeof(part)) {
			memcpy(part, rel, len);
			part[len] = '\0';
			if (fnmatch(pattern, part, FNM_PATHNAME) == 0)
				return 1;
		}
	}
	return fnmatch(pattern, rel, FNM_PATHNAME) == 0;
}

static int any_matches(const char *const *patterns, size_t n, const char *rel)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pattern_matches(patterns[i], rel))
			return 1;
	return 0;
}

/* Whether the configuration's `ignore:` patterns leave out `path`. */
static int ignored(const session_config *c, const char *path)
{
	const char *dir;
	size_t n;
	const char *const *patterns = session_config_ignores(c, &dir, &n);
	const char *slash = strrchr(path, '/');
	char *folder;
	char *real;
	size_t dlen;
	int hit = 0;

	if (n == 0 || dir == NULL)
		return 0;
	folder = slash != NULL ? strndup(path, (size_t)(slash - path) + (slash == path)) : strdup(".");
	real = folder != NULL ? realpath(folder, NULL) : NULL;
	free(folder);
	if (real == NULL)
		return 0;
	dlen = strlen(dir);
	if (strcmp(real, dir) == 0) {
		hit = any_matches(patterns, n, slash != NULL ? slash + 1 : path);
	} else if (strncmp(real, dir, dlen) == 0 && (real[dlen] == '/' || strcmp(dir, "/") == 0)) {
		const char *sub = real + dlen + (real[dlen] == '/');
		size_t need = strlen(sub) + strlen(slash != NULL ? slash : path) + 2;
		char *rel = malloc(need);

		if (rel != NULL) {
			snprintf(rel, need, "%s/%s", sub, slash != NULL ? slash + 1 : path);
			hit = any_matches(patterns, n, rel);
			free(rel);
		}
	}
	free(real);
	return hit;
}

/* Finds the drafts: *named[i] says whether paths[i] was named. */
static int find_inputs(char *const *operands, size_t n_operands, input_list *l, int **named,
                       errlist *err)
{
	static char *const standard_input[] = { "-" };
	size_t i;

	*named = NULL;
	if (n_operands == 0) {
		operands = standard_input;
		n_operands = 1;
	}
	for (i = 0; i < n_operands; i++) {
		size_t before = l->n;
		int *p;

		if (inputs_add(l, operands[i], err) != 0)
			return -1;
		p = realloc(*named, (l->n ? l->n : 1) * sizeof(*p));
		if (p == NULL)
			return -1;
		*named = p;
		for (; before < l->n; before++)
			p[before] = strcmp(l->paths[before], operands[i]) == 0;
	}
	return 0;
}

/* ---- checking -------------------------------------------------------------------- */

static void check_job(run_state *st, job *j)
{
	const char *path = j->path;
	size_t first;

	session_plugin_failures(&j->failures_seen, &first);
	if (st->o->fix != FIX_NONE)
		fix_draft(st->s, j->c, path, st->o->max_size, st->o->fix, &j->r, &j->fix);
	else
		session_check_prepared_file(st->s, j->c, path, &j->r);
	free(j->rendered);
	j->rendered = NULL;
	if (st->k->render != NULL && st->o->fix != FIX_DIFF && j->fix.output == NULL)
		j->render_failed = st->k->render(st->k, &j->r, &j->rendered, &j->rendered_len) != 0;
}

static void *worker(void *arg)
{
	run_state *st = arg;

	for (;;) {
		job *j = NULL;

		pthread_mutex_lock(&st->lock);
		while (st->next < st->n && st->jobs[st->next].done)
			st->next++;
		while (st->next < st->n && st->next >= st->emitted + st->window) {
			st->threads_waiting++;
			pthread_cond_wait(&st->room, &st->lock);
			st->threads_waiting--;
		}
		while (st->next < st->n && st->jobs[st->next].done)
			st->next++;
		if (st->next < st->n)
			j = &st->jobs[st->next++];
		pthread_mutex_unlock(&st->lock);
		if (j == NULL)
			break;
		check_job(st, j);
		pthread_mutex_lock(&st->lock);
		j->done = 1;
		/* wake the output only when it waits for this one */
		if (st->awaited == (size_t)(j - st->jobs))
			pthread_cond_signal(&st->job_done);
		pthread_mutex_unlock(&st->lock);
	}
	guard_thread_end();
	return NULL;
}

/* ---- the output -------------------------------------------------------------------- */

void run_tally_errors(run_totals *t, const errlist *errors)
{
	size_t i;

	for (i = 0; i < errors->n; i++) {
		if (errors->items[i].severity == STMTLINT_ERROR)
			t->counts.errors++;
		else
			t->counts.warnings++;
	}
	t->counts.errors += errors->dropped;
	if (errlist_has_error(errors))
		t->status = 2;
}

static void tally_report(run_totals *t, const check_report *r)
{
	stmtlint_severity worst = diag_worst(&r->diags);

	if (r->doc != NULL)
		t->counts.files++;
	t->counts.errors += diag_count(&r->diags, STMTLINT_ERROR);
	t->counts.warnings += diag_count(&r->diags, STMTLINT_WARNING);
	t->counts.notes += diag_count(&r->diags, STMTLINT_NOTE);
	if (worst != STMTLINT_OFF && worst >= r->fail_on && t->status == 0)
		t->status = 1;
	run_tally_errors(t, &r->errors);
}

/* Says on standard error what fixing a draft did. */
static void say_fixed(const run_opts *o, const job *j)
{
	buf b;

	if (o->quiet || j->fix.fixed == 0)
		return;
	buf_init(&b, 0);
	buf_puts(&b, "stmtlint: ");
	escape_append(&b, j->r.name, strlen(j->r.name), ESCAPE_CONTROLS);
	buf_printf(&b, ": %s %zu finding%s\n", o->fix == FIX_DIFF ? "would fix" : "fixed",
	           j->fix.fixed, j->fix.fixed == 1 ? "" : "s");
	if (b.data != NULL)
		fputs(b.data, stderr);
	buf_free(&b);
}

/* Checks the job again when a plugin failed on an earlier draft after the
 * job's check had begun: with one thread, the plugin would have been left
 * out of it.  Not for --fix, which may have written the draft already. */
static void recheck_if_needed(run_state *st, job *j)
{
	size_t count;
	size_t first;

	if (st->o->fix != FIX_NONE || j->left_out || j->c == NULL)
		return;
	session_plugin_failures(&count, &first);
	if (count == j->failures_seen || first >= j->r.order)
		return;
	doc_free(j->r.doc);
	j->r.doc = NULL;
	diag_list_free(&j->r.diags);
	errlist_truncate(&j->r.errors, j->prepared_errors);
	check_job(st, j);
}

/* Hands one job to the output: the report to the sink, or, with --diff
 * and for standard input under --fix, the diff or the fixed text to the
 * output and the errors to standard error. */
static void emit(run_state *st, sink *k, job *j, run_totals *t)
{
	const run_opts *o = st->o;

	if (j->left_out) {
		k->errors(k, &j->r.errors);
		run_tally_errors(t, &j->r.errors);
		return;
	}
	tally_report(t, &j->r);
	say_fixed(o, j);
	if (j->fix.output != NULL) {
		fwrite(j->fix.output, 1, j->fix.output_len, k->out);
		sink_print_errors(&j->r.errors);
	} else if (o->fix == FIX_DIFF) {
		sink_print_errors(&j->r.errors);
	} else if (j->rendered != NULL) {
		sink_write_rendered(k, &j->r, j->rendered, j->rendered_len);
	} else if (j->render_failed) {
		fputs("stmtlint: error: out of memory\n", stderr);
		t->status = 2;
	} else {
		k->draft(k, &j->r);
	}
}

static unsigned long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long)ts.tv_sec * 1000ul + (unsigned long)(ts.tv_nsec / 1000000);
}

/* The progress line: redrawn after at most RUN_PROGRESS_INTERVAL_MS. */
static void progress(size_t done, size_t n, unsigned long *last)
{
	unsigned long t = now_ms();

	if (done < n && t - *last < RUN_PROGRESS_INTERVAL_MS)
		return;
	*last = t;
	if (done < n)
		fprintf(stderr, "\rstmtlint: %zu of %zu drafts checked", done, n);
	else
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* ---- the run ---------------------------------------------------------------------- */

/* Finds each draft's configuration, in input order, and leaves out what
 * --exclude or `ignore:` names. */
static int prepare_jobs(run_state *st, input_list *in, const int *named)
{
	const run_opts *o = st->o;
	size_t i;

	st->jobs = calloc(in->n ? in->n : 1, sizeof(*st->jobs));
	if (st->jobs == NULL)
		return -1;
	st->n = in->n;
	for (i = 0; i < in->n; i++) {
		job *j = &st->jobs[i];
		const char *path = in->paths[i];
		int is_stdin = strcmp(path, "-") == 0;
		const char *name = is_stdin ? (o->stdin_name ? o->stdin_name : "<stdin>") : path;
		const char *rel = path;

		j->path = path;
		while (rel[0] == '.' && rel[1] == '/')
			rel += 2;
		j->c = session_prepare(st->s, is_stdin && o->stdin_name ? o->stdin_name : path, name,
		                       &j->r);
		if (j->r.name == NULL)
			return -1;
		j->r.order = i;
		j->prepared_errors = j->r.errors.n;
		if (!named[i] && (any_matches(o->excludes, o->n_excludes, rel) ||
		                  (j->c != NULL && ignored(j->c, path))))
			j->left_out = 1;
		j->done = j->c == NULL || j->left_out;
	}
	return 0;
}

/* Checks the jobs with o->jobs threads, handing each to the output in order. */
static void check_all(run_state *st, sink *k, run_totals *t)
{
	pthread_t threads[RUN_MAX_JOBS];
	size_t started = 0;
	size_t want = st->o->jobs;
	unsigned long last = 0;
	size_t i;

	for (i = 0; i < st->n; i++)
		t->inputs += !st->jobs[i].left_out;
	if (want > st->n)
		want = st->n;
	st->window = (want ? want : 1) * RUN_WINDOW_PER_JOB;
	for (; want > 1 && started < want; started++)
		if (pthread_create(&threads[started], NULL, worker, st) != 0)
			break;
	for (i = 0; i < st->n; i++) {
		job *j = &st->jobs[i];

		if (started == 0 && !j->done) {
			check_job(st, j);
		} else {
			pthread_mutex_lock(&st->lock);
			while (!j->done) {
				st->awaited = i;
				pthread_cond_wait(&st->job_done, &st->lock);
			}
			st->awaited = SIZE_MAX;
			pthread_mutex_unlock(&st->lock);
		}
		recheck_if_needed(st, j);
		if (st->o->progress)
			fputs("\r\033[K", stderr);
		emit(st, k, j, t);
		check_report_free(&j->r);
		fix_result_free(&j->fix);
		free(j->rendered);
		j->rendered = NULL;
		pthread_mutex_lock(&st->lock);
		st->emitted = i + 1;
		if (st->threads_waiting > 0)
			pthread_cond_broadcast(&st->room);
		pthread_mutex_unlock(&st->lock);
		if (st->o->progress)
			progress(i + 1, st->n, &last);
	}
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
}

void run_drafts(session *s, const run_opts *o, char *const *operands, size_t n_operands,
                const errlist *early, sink *k, run_totals *t)
{
	run_state st;
	input_list in = { NULL, 0 };
	errlist err;
	int *named = NULL;
	run_opts shown = *o;

	memset(t, 0, sizeof(*t));
	memset(&st, 0, sizeof(st));
	errlist_init(&err);
	st.s = s;
	st.o = &shown;
	st.k = k;
	if (find_inputs(operands, n_operands, &in, &named, &err) != 0 ||
	    pthread_mutex_init(&st.lock, NULL) != 0) {
		errlist_add(&err, "input", NULL, 0, 0, "out of memory");
		goto done;
	}
	pthread_cond_init(&st.job_done, NULL);
	pthread_cond_init(&st.room, NULL);
	st.awaited = SIZE_MAX;
	shown.progress = o->progress && in.n > RUN_PROGRESS_MIN_FILES;
	/* what stopped something before any draft: the session's and the inputs' */
	k->errors(k, early);
	run_tally_errors(t, early);
	k->errors(k, &err);
	run_tally_errors(t, &err);
	errlist_free(&err);
	if (prepare_jobs(&st, &in, named) != 0)
		errlist_add(&err, "input", NULL, 0, 0, "out of memory");
	else
		check_all(&st, k, t);
	pthread_cond_destroy(&st.job_done);
	pthread_cond_destroy(&st.room);
	pthread_mutex_destroy(&st.lock);
done:
	k->errors(k, &err);
	run_tally_errors(t, &err);
	errlist_free(&err);
	if (st.jobs != NULL) {
		size_t i;

		for (i = 0; i < st.n; i++) {
			check_report_free(&st.jobs[i].r);
			fix_result_free(&st.jobs[i].fix);
			free(st.jobs[i].rendered);
		}
	}
	free(st.jobs);
	free(named);
	inputs_free(&in);
}
