/*
 * recheck.c - the in-process re-check an editor's language server does:
 * one session, then the same draft checked again and again from memory
 * through session_check_buffer().  Prints the median and the 90th
 * percentile of one re-check, in milliseconds, and the findings of one.
 *
 * Usage: bench/recheck FILE [RUNS]   (RUNS defaults to 2000)
 * Run from the build tree with STMTLINT_PLUGIN_PATH and STMTLINT_DATA_PATH
 * set (bench/run does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "fileio.h"
#include "session.h"

/* The largest draft this benchmark reads. */
#define RECHECK_MAX_FILE (64u << 20)

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a;
	double y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	session_opts opts;
	session *s;
	errlist err;
	char *data = NULL;
	size_t len = 0;
	char why[256];
	double *times;
	long runs = argc > 2 ? strtol(argv[2], NULL, 10) : 2000;
	size_t findings = 0;
	long i;

	if (argc < 2 || runs < 1) {
		fprintf(stderr, "usage: bench/recheck FILE [RUNS]\n");
		return 2;
	}
	if (file_read(argv[1], RECHECK_MAX_FILE, &data, &len, why, sizeof(why)) != 0) {
		fprintf(stderr, "%s: %s\n", argv[1], why);
		return 2;
	}
	memset(&opts, 0, sizeof(opts));
	opts.max_size = RECHECK_MAX_FILE;
	opts.fail_on = RULE_UNSET;
	errlist_init(&err);
	s = session_new(&opts, &err);
	times = malloc((size_t)runs * sizeof(*times));
	if (s == NULL || times == NULL || err.n > 0) {
		fprintf(stderr, "recheck: cannot start a session (%zu errors)\n", err.n);
		return 2;
	}
	for (i = -10; i < runs; i++) {   /* ten warm-up checks, which also read the profile */
		check_report r;
		double t0 = now_ms();

		session_check_buffer(s, argv[1], data, len, &r);
		if (i >= 0)
			times[i] = now_ms() - t0;
		findings = r.diags.n;
		check_report_free(&r);
	}
	qsort(times, (size_t)runs, sizeof(*times), by_value);
	printf("%.3f ms median, %.3f ms p90 for one re-check of %s (%zu bytes, %zu findings), "
	       "%ld runs\n", times[runs / 2], times[runs * 9 / 10], argv[1], len, findings, runs);
	free(times);
	free(data);
	session_free(s);
	errlist_free(&err);
	return 0;
}
