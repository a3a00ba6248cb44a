/* test_session.c - the session (src/session.c): one configuration per
 * folder, read again when one of its files changes on disk; a folder that
 * gains a .stmtlint.yaml is seen after session_forget_folders(); drafts in
 * memory and on disk go the same way; a configuration's errors come once,
 * then each later draft says it was not checked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "config.h"
#include "scratch.h"
#include "session.h"

/* A draft with one bullet the structure plugin reports (line 8). */
#define DRAFT "Joint Statement\n\nJune 9, 2011\n\n1. Cooperation:\n\n- Sharing.\n\xe2\x80\xa2 More.\n"

typedef struct fixture {
	char dir[512];
	char path[1024];
	session_opts opts;
	session *s;
	errlist err;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));

	if (f == NULL || scratch_dir_make(f->dir, sizeof(f->dir), "session") != 0) {
		free(f);
		return -1;
	}
	f->opts.max_size = 1 << 20;
	f->opts.fail_on = RULE_UNSET;
	errlist_init(&f->err);
	f->s = session_new(&f->opts, &f->err);
	*state = f;
	return f->s != NULL && f->err.n == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	fixture *f = *state;

	session_free(f->s);
	errlist_free(&f->err);
	scratch_dir_remove(f->dir);
	free(f);
	return 0;
}

/* Writes dir/name (making its folder), and sets its time `age` seconds in
 * the past, so that two writes within one clock tick still differ. */
static void put(fixture *f, const char *name, const char *text, int age)
{
	struct timespec t[2];

	snprintf(f->path, sizeof(f->path), "%s/%s", f->dir, name);
	assert_non_null(scratch_write(f->dir, name, text));
	clock_gettime(CLOCK_REALTIME, &t[0]);
	t[0].tv_sec -= age;
	t[1] = t[0];
	assert_int_equal(utimensat(AT_FDCWD, f->path, t, 0), 0);
}

/* Checks the draft `name` from memory; returns how many findings it has of
 * rule `rule` (a prefix: "structure" counts its checks). */
static size_t findings(fixture *f, const char *name, const char *rule, check_report *r)
{
	size_t n = 0;
	size_t i;

	snprintf(f->path, sizeof(f->path), "%s/%s", f->dir, name);
	session_check_buffer(f->s, f->path, DRAFT, strlen(DRAFT), r);
	for (i = 0; i < r->diags.n; i++)
		n += strncmp(r->diags.items[i]->rule, rule, strlen(rule)) == 0;
	return n;
}

static void test_config_read_again_when_it_changes(void **state)
{
	fixture *f = *state;
	check_report r;

	assert_int_equal(mkdir(strcat(strcpy(f->path, f->dir), "/a"), 0755), 0);
	put(f, "a/.stmtlint.yaml", "rules:\n  structure: off\n", 10);
	assert_int_equal(findings(f, "a/draft.txt", "structure", &r), 0);
	check_report_free(&r);
	/* the same configuration, from the cache */
	assert_int_equal(findings(f, "a/other.txt", "structure", &r), 0);
	check_report_free(&r);
	/* changed on disk: read again */
	put(f, "a/.stmtlint.yaml", "rules:\n  structure: on\n", 0);
	assert_int_equal(findings(f, "a/draft.txt", "structure", &r), 1);
	assert_int_equal(r.diags.items[0]->start, strlen(DRAFT) - strlen("\xe2\x80\xa2 More.\n"));
	check_report_free(&r);
}

static void test_new_config_seen_after_forgetting(void **state)
{
	fixture *f = *state;
	check_report r;

	assert_int_equal(mkdir(strcat(strcpy(f->path, f->dir), "/b"), 0755), 0);
	assert_int_equal(mkdir(strcat(strcpy(f->path, f->dir), "/b/.git"), 0755), 0);
	assert_int_equal(findings(f, "b/draft.txt", "structure", &r), 1);
	check_report_free(&r);
	put(f, "b/.stmtlint.yaml", "rules:\n  structure: off\n", 0);
	/* the folder's lookup is cached ... */
	assert_int_equal(findings(f, "b/draft.txt", "structure", &r), 1);
	check_report_free(&r);
	/* ... until the session forgets it */
	session_forget_folders(f->s);
	assert_int_equal(findings(f, "b/draft.txt", "structure", &r), 0);
	check_report_free(&r);
}

static void test_config_errors_once(void **state)
{
	fixture *f = *state;
	check_report r;

	assert_int_equal(mkdir(strcat(strcpy(f->path, f->dir), "/c"), 0755), 0);
	put(f, "c/.stmtlint.yaml", "rules:\n  strucure: off\n", 0);
	assert_int_equal(session_check_buffer(f->s, strcat(strcpy(f->path, f->dir), "/c/d.txt"),
	                                      DRAFT, strlen(DRAFT), &r), -1);
	assert_null(r.doc);
	assert_int_equal(r.errors.n, 1);
	assert_string_equal(r.errors.items[0].rule, "config");
	assert_int_equal(r.errors.items[0].line, 2);
	assert_int_equal(r.errors.items[0].column, 3);
	assert_non_null(strstr(r.errors.items[0].file, "/c/.stmtlint.yaml"));
	check_report_free(&r);
	/* the next draft of that configuration: not checked, said once more */
	assert_int_equal(session_check_buffer(f->s, f->path, DRAFT, strlen(DRAFT), &r), -1);
	assert_int_equal(r.errors.n, 1);
	assert_non_null(strstr(r.errors.items[0].message, "not checked: its configuration"));
	check_report_free(&r);
}

static void test_file_and_buffer_agree(void **state)
{
	fixture *f = *state;
	check_report a;
	check_report b;

	put(f, "same.txt", DRAFT, 0);
	assert_int_equal(session_check_file(f->s, f->path, "same.txt", f->path, &a), 0);
	assert_int_equal(session_check_buffer(f->s, f->path, DRAFT, strlen(DRAFT), &b), 0);
	assert_int_equal(a.diags.n, b.diags.n);
	assert_int_equal(a.diags.n, 1);
	assert_string_equal(a.diags.items[0]->message, b.diags.items[0]->message);
	assert_string_equal(a.name, "same.txt");
	check_report_free(&a);
	check_report_free(&b);
	/* a file that cannot be read is an [input] error, not a crash */
	assert_int_equal(session_check_file(f->s, "/nonexistent/x.txt", "x.txt", "/nonexistent/x.txt",
	                                    &a), -1);
	assert_string_equal(a.errors.items[a.errors.n - 1].rule, "input");
	check_report_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_config_read_again_when_it_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_config_seen_after_forgetting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_errors_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_and_buffer_agree, setup, teardown),
	};

	setenv("STMTLINT_PLUGIN_PATH", BUILD_PLUGIN_DIR, 1);
	setenv("STMTLINT_DATA_PATH", RULES_DIR, 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
