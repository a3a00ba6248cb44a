/* replay.c - a main() for the harnesses without libFuzzer: runs
 * LLVMFuzzerTestOneInput() once over each file named, and over each file in
 * each folder named (in name order), so that `make check` replays the seed
 * corpus and the regressions in an ordinary build.  With
 * FUZZ_REPLAY_TIMEOUT=SECONDS in the environment, an input that runs longer
 * fails the replay, as libFuzzer's -timeout would. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_support.h"

/* The input being run, for the timeout's message. */
static const char *running_input;

static void timed_out(int sig)
{
	static const char msg[] = "replay: timeout (FUZZ_REPLAY_TIMEOUT) on ";

	(void)sig;
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0 ||
	    write(STDERR_FILENO, running_input, strlen(running_input)) < 0 ||
	    write(STDERR_FILENO, "\n", 1) < 0)
		_exit(1);
	_exit(1);
}

/* The limit for each input in seconds from FUZZ_REPLAY_TIMEOUT, or 0 for none. */
static unsigned replay_timeout(void)
{
	const char *s = getenv("FUZZ_REPLAY_TIMEOUT");
	long v = s != NULL ? strtol(s, NULL, 10) : 0;

	return v > 0 ? (unsigned)v : 0;
}

/* Defined by the harnesses that need it. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Runs one file; returns 0, or -1 when it cannot be read. */
static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t len = 0;
	size_t cap = 0;
	int rc = 0;

	if (f == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (;;) {
		size_t got;

		if (len == cap) {
			unsigned char *p = realloc(data, cap ? cap * 2 : 65536);

			if (p == NULL) {
				rc = -1;
				break;
			}
			data = p;
			cap = cap ? cap * 2 : 65536;
		}
		got = fread(data + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		rc = -1;
	}
	fclose(f);
	if (rc == 0) {
		running_input = path;
		alarm(replay_timeout());
		LLVMFuzzerTestOneInput(data, len);
		alarm(0);
	}
	free(data);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file in dir; returns the number that failed, or -1. */
static int run_dir(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	size_t i;
	int failed = 0;

	if (d == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		char **p;
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		p = realloc(names, (n + 1) * sizeof(*p));
		if (p == NULL)
			break;
		names = p;
		names[n] = malloc(len);
		if (names[n] == NULL)
			break;
		snprintf(names[n], len, "%s/%s", dir, e->d_name);
		if (stat(names[n], &st) != 0 || !S_ISREG(st.st_mode)) {
			free(names[n]);
			continue;
		}
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		if (run_file(names[i]) != 0)
			failed++;
		else
			(*count)++;
		free(names[i]);
	}
	free(names);
	return failed;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	int failed = 0;
	int i;

	signal(SIGALRM, timed_out);
	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			int rc = run_dir(argv[i], &count);

			failed += rc < 0 ? 1 : rc;
		} else if (run_file(argv[i]) != 0) {
			failed++;
		} else {
			count++;
		}
	}
	printf("replay: %zu inputs run, %d unreadable\n", count, failed);
	return failed ? 1 : 0;
}
