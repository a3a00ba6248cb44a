/* test_atomicfile.c - unit tests of replacing a file atomically
 * (src/atomicfile.c): the new contents with the old mode and owner, and every
 * refusal and failure leaving the original as it was and no temporary file
 * behind. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "atomicfile.h"
#include "fileio.h"
#include "scratch.h"

#define OLD_TEXT "Joint Statement\n\nThe old text.\n"
#define NEW_TEXT "Joint Statement\n\nThe new, longer text.\n"

typedef struct fixture {
	char dir[512];
	char path[600];     /* dir/draft.txt, holding OLD_TEXT */
	char why[512];
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	if (scratch_dir_make(f->dir, sizeof(f->dir), "atomicfile") != 0 ||
	    scratch_write(f->dir, "draft.txt", OLD_TEXT) == NULL) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof(f->path), "%s/draft.txt", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	int rc;

	chmod(f->dir, 0700);
	rc = scratch_dir_remove(f->dir);
	free(f);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Asserts that dir holds exactly the files named in `want` ("a b c", in
 * name order): no temporary file left behind. */
static void assert_listing(const char *dir, const char *want)
{
	char *names[16];
	char got[512] = "";
	size_t n = 0;
	size_t i;
	DIR *d = opendir(dir);
	struct dirent *e;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		assert_true(n < sizeof(names) / sizeof(names[0]));
		names[n] = strdup(e->d_name);
		assert_non_null(names[n]);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), by_name);
	for (i = 0; i < n; i++) {
		strncat(got, names[i], sizeof(got) - strlen(got) - 2);
		if (i + 1 < n)
			strcat(got, " ");
		free(names[i]);
	}
	assert_string_equal(got, want);
}

/* Asserts that the file at path holds exactly `want`. */
static void assert_contents(const char *path, const char *want)
{
	char *data = NULL;
	size_t len = 0;
	char why[256];

	if (file_read(path, 1 << 20, &data, &len, why, sizeof(why)) != 0)
		fail_msg("cannot read %s: %s", path, why);
	assert_int_equal(len, strlen(want));
	assert_string_equal(data, want);
	free(data);
}

static int replace(fixture *f, const char *text, const struct stat *expect)
{
	f->why[0] = '\0';
	return atomic_write_file(f->path, text, strlen(text), expect, f->why, sizeof(f->why));
}

/* ---- replacing ---------------------------------------------------------- */

static void test_replaces_and_keeps_mode(void **state)
{
	fixture *f = *state;
	struct stat before;
	struct stat after;

	assert_int_equal(chmod(f->path, 0640), 0);
	assert_int_equal(stat(f->path, &before), 0);
	assert_int_equal(replace(f, NEW_TEXT, NULL), 0);
	assert_contents(f->path, NEW_TEXT);
	assert_int_equal(stat(f->path, &after), 0);
	assert_int_equal(after.st_mode & 07777, 0640);
	/* a new file renamed over the old one, not the old one rewritten */
	assert_int_not_equal(after.st_ino, before.st_ino);
	assert_listing(f->dir, "draft.txt");
}

static void test_replaces_with_nothing(void **state)
{
	fixture *f = *state;

	assert_int_equal(replace(f, "", NULL), 0);
	assert_contents(f->path, "");
	assert_listing(f->dir, "draft.txt");
}

/* A name without a folder: the temporary file goes to the current folder. */
static void test_replaces_relative_name(void **state)
{
	fixture *f = *state;
	int here = open(".", O_RDONLY | O_DIRECTORY);
	int rc;

	assert_true(here >= 0);
	assert_int_equal(chdir(f->dir), 0);
	rc = atomic_write_file("draft.txt", NEW_TEXT, strlen(NEW_TEXT), NULL, f->why, sizeof(f->why));
	assert_int_equal(fchdir(here), 0);
	close(here);
	assert_int_equal(rc, 0);
	assert_contents(f->path, NEW_TEXT);
	assert_listing(f->dir, "draft.txt");
}

/* Root gives the new file the old one's owner and group; another user's
 * own file stays his. */
static void test_keeps_owner(void **state)
{
	fixture *f = *state;
	struct stat before;
	struct stat after;

	if (geteuid() == 0)
		assert_int_equal(chown(f->path, 1234, 2345), 0);
	assert_int_equal(stat(f->path, &before), 0);
	assert_int_equal(replace(f, NEW_TEXT, NULL), 0);
	assert_int_equal(stat(f->path, &after), 0);
	assert_int_equal(after.st_uid, before.st_uid);
	assert_int_equal(after.st_gid, before.st_gid);
	assert_listing(f->dir, "draft.txt");
}

static void test_replaces_expected_file(void **state)
{
	fixture *f = *state;
	struct stat expect;

	assert_int_equal(lstat(f->path, &expect), 0);
	assert_int_equal(replace(f, NEW_TEXT, &expect), 0);
	assert_contents(f->path, NEW_TEXT);
	assert_listing(f->dir, "draft.txt");
}

/* ---- refusing ----------------------------------------------------------- */

static void test_refuses_symlink(void **state)
{
	fixture *f = *state;
	char link[700];
	struct stat st;
	int rc;

	snprintf(link, sizeof(link), "%s/link.txt", f->dir);
	assert_int_equal(symlink("draft.txt", link), 0);
	f->why[0] = '\0';
	rc = atomic_write_file(link, NEW_TEXT, strlen(NEW_TEXT), NULL, f->why, sizeof(f->why));
	assert_int_equal(rc, -1);
	assert_string_equal(f->why, "refusing to replace a symbolic link");
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_contents(f->path, OLD_TEXT);
	assert_listing(f->dir, "draft.txt link.txt");
}

static void test_refuses_folder_and_fifo(void **state)
{
	fixture *f = *state;
	char other[700];

	snprintf(other, sizeof(other), "%s/sub", f->dir);
	assert_int_equal(mkdir(other, 0755), 0);
	assert_int_equal(atomic_write_file(other, "x", 1, NULL, f->why, sizeof(f->why)), -1);
	assert_string_equal(f->why, "refusing to replace what is not a regular file");
	snprintf(other, sizeof(other), "%s/fifo", f->dir);
	assert_int_equal(mkfifo(other, 0644), 0);
	f->why[0] = '\0';
	assert_int_equal(atomic_write_file(other, "x", 1, NULL, f->why, sizeof(f->why)), -1);
	assert_string_equal(f->why, "refusing to replace what is not a regular file");
	assert_listing(f->dir, "draft.txt fifo sub");
}

static void test_refuses_missing_file(void **state)
{
	fixture *f = *state;

	assert_int_equal(unlink(f->path), 0);
	assert_int_equal(replace(f, NEW_TEXT, NULL), -1);
	assert_string_equal(f->why, "cannot examine the file: No such file or directory");
	assert_listing(f->dir, "");
}

/* A file without write permission is not replaced, even for root (whom the
 * permission bits do not stop). */
static void test_refuses_read_only_file(void **state)
{
	fixture *f = *state;
	struct stat st;

	assert_int_equal(chmod(f->path, 0444), 0);
	assert_int_equal(replace(f, NEW_TEXT, NULL), -1);
	assert_string_equal(f->why, "refusing to replace a read-only file");
	assert_contents(f->path, OLD_TEXT);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0444);
	assert_listing(f->dir, "draft.txt");
}

/* Asserts that a file changed since `expect` was taken is not replaced. */
static void assert_refused_as_changed(fixture *f, const struct stat *expect, const char *now)
{
	assert_int_equal(replace(f, NEW_TEXT, expect), -1);
	assert_string_equal(f->why, "changed on disk meanwhile; not replaced");
	assert_contents(f->path, now);
	assert_listing(f->dir, "draft.txt");
}

static void test_refuses_file_with_new_contents(void **state)
{
	fixture *f = *state;
	struct stat expect;

	assert_int_equal(lstat(f->path, &expect), 0);
	assert_non_null(scratch_write(f->dir, "draft.txt", "Someone else's edit.\n"));
	assert_refused_as_changed(f, &expect, "Someone else's edit.\n");
}

/* Same inode and size, another modification time. */
static void test_refuses_touched_file(void **state)
{
	fixture *f = *state;
	struct stat expect;
	struct timespec times[2];

	assert_int_equal(lstat(f->path, &expect), 0);
	times[0] = expect.st_atim;
	times[1] = expect.st_mtim;
	times[1].tv_sec -= 3600;
	assert_int_equal(utimensat(AT_FDCWD, f->path, times, 0), 0);
	assert_refused_as_changed(f, &expect, OLD_TEXT);
}

/* Same size and modification time, but another file renamed over it. */
static void test_refuses_file_replaced_meanwhile(void **state)
{
	fixture *f = *state;
	struct stat expect;
	struct timespec times[2];
	char other[700];

	assert_int_equal(lstat(f->path, &expect), 0);
	assert_non_null(scratch_write(f->dir, "other.txt", OLD_TEXT));
	snprintf(other, sizeof(other), "%s/other.txt", f->dir);
	times[0] = expect.st_atim;
	times[1] = expect.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, other, times, 0), 0);
	assert_int_equal(rename(other, f->path), 0);
	assert_refused_as_changed(f, &expect, OLD_TEXT);
}

/* ---- failing ------------------------------------------------------------ */

/* The size limit for files a child process writes, smaller than the
 * contents it writes: writing the temporary file fails with EFBIG, as on a
 * full disk. */
#define SMALL_FILE_LIMIT 16
/* Whom a child process run as root becomes to feel permissions: nobody. */
#define UNPRIVILEGED_ID 65534

typedef enum child_mode {
	CHILD_SMALL_FILE_LIMIT,     /* under SMALL_FILE_LIMIT, SIGXFSZ ignored */
	CHILD_UNPRIVILEGED,         /* root becomes UNPRIVILEGED_ID first */
} child_mode;

/* Replaces f->path with 4 KiB in a child process set up as `mode` says (the
 * limit or the identity stays there), and writes what it returned and its
 * reason, "RC REASON", into reply. */
static void replace_in_child(fixture *f, child_mode mode, char *reply, size_t len)
{
	int fds[2];
	pid_t pid;
	int status;
	ssize_t n;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit was;
		struct rlimit small;
		char data[4096];
		int rc;

		close(fds[0]);
		memset(data, 'x', sizeof(data));
		getrlimit(RLIMIT_FSIZE, &was);
		small = was;
		small.rlim_cur = SMALL_FILE_LIMIT;
		signal(SIGXFSZ, SIG_IGN);
		if (mode == CHILD_SMALL_FILE_LIMIT && setrlimit(RLIMIT_FSIZE, &small) != 0)
			_exit(3);
		if (mode == CHILD_UNPRIVILEGED && geteuid() == 0 &&
		    (setgroups(0, NULL) != 0 || setgid(UNPRIVILEGED_ID) != 0 ||
		     setuid(UNPRIVILEGED_ID) != 0))
			_exit(4);
		rc = atomic_write_file(f->path, data, sizeof(data), NULL, f->why, sizeof(f->why));
		/* Back to the old limit: valgrind still writes its log. */
		setrlimit(RLIMIT_FSIZE, &was);
		dprintf(fds[1], "%d %s", rc, f->why);
		close(fds[1]);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], reply, len - 1);
	close(fds[0]);
	reply[n > 0 ? n : 0] = '\0';
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_failed_write_leaves_original(void **state)
{
	fixture *f = *state;
	char reply[600];
	char want[128];

	replace_in_child(f, CHILD_SMALL_FILE_LIMIT, reply, sizeof(reply));
	snprintf(want, sizeof(want), ": %s", strerror(EFBIG));
	if (strncmp(reply, "-1 cannot write the temporary file ", 35) != 0 ||
	    strstr(reply, want) == NULL)
		fail_msg("the child said \"%s\"", reply);
	assert_contents(f->path, OLD_TEXT);
	assert_listing(f->dir, "draft.txt");
}

/* A folder this user may not write (for root, whom permissions do not stop,
 * the child becomes nobody; the scratch folder's parent, TMPDIR or /tmp,
 * must let nobody through): no temporary file can be made there. */
static void test_unwritable_folder(void **state)
{
	fixture *f = *state;
	char reply[1024];
	char want[1024];

	assert_int_equal(chmod(f->path, 0666), 0);
	assert_int_equal(chmod(f->dir, 0555), 0);
	replace_in_child(f, CHILD_UNPRIVILEGED, reply, sizeof(reply));
	assert_int_equal(chmod(f->dir, 0700), 0);
	snprintf(want, sizeof(want), "-1 cannot create a temporary file in %s: %s", f->dir,
	         strerror(EACCES));
	assert_string_equal(reply, want);
	assert_contents(f->path, OLD_TEXT);
	assert_listing(f->dir, "draft.txt");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_replaces_and_keeps_mode),
		T(test_replaces_with_nothing),
		T(test_replaces_relative_name),
		T(test_keeps_owner),
		T(test_replaces_expected_file),
		T(test_refuses_symlink),
		T(test_refuses_folder_and_fifo),
		T(test_refuses_missing_file),
		T(test_refuses_read_only_file),
		T(test_refuses_file_with_new_contents),
		T(test_refuses_touched_file),
		T(test_refuses_file_replaced_meanwhile),
		T(test_failed_write_leaves_original),
		T(test_unwritable_folder),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
