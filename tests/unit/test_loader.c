/* test_loader.c - unit tests of plugin loading (src/loader.c) with the
 * test-only plugins of tests/plugins, and of running a loaded plugin through
 * ruleset_new() and ruleset_check() (src/engine.c, src/host.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "config.h"
#include "engine.h"
#include "scratch.h"
#include "loader.h"

#define PLUGIN(name) TEST_PLUGIN_DIR "/" name ".so"

typedef struct fixture {
	char dir[512];
	errlist err;
	buf text;              /* err as compilers print it, 0, for assertions */
	store *store;
	plugin_set set;
	diag_list out;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	if (scratch_dir_make(f->dir, sizeof(f->dir), "loader") != 0) {
		free(f);
		return -1;
	}
	errlist_init(&f->err);
	buf_init(&f->text, 0);
	f->store = store_new();
	diag_list_init(&f->out);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	if (scratch_dir_remove(f->dir) != 0)
		return -1;
	diag_list_free(&f->out);
	store_free(f->store);
	plugins_unload(&f->set);
	errlist_free(&f->err);
	buf_free(&f->text);
	free(f);
	return 0;
}

static const char *errors(const fixture *f)
{
	buf *b = (buf *)&f->text;

	buf_reset(b);
	errlist_format(&f->err, b);
	return b->data != NULL ? b->data : "";
}

static void assert_error(const fixture *f, const char *text)
{
	if (strstr(errors(f), text) == NULL)
		fail_msg("no \"%s\" in: %s", text, errors(f));
}

/* A configuration whose profile (in the fixture's folder) is `profile_text`. */
static config *profile_config(fixture *f, const char *profile_text)
{
	const char *path = scratch_write(f->dir, "test-profile.yaml", profile_text);
	config *cfg;

	assert_non_null(path);
	cfg = config_load(NULL, path, RULES_DIR, 0, &f->err);
	if (cfg == NULL)
		fail_msg("%s", errors(f));
	return cfg;
}

/* ---- loading ---------------------------------------------------------------- */

static void test_load_good(void **state)
{
	fixture *f = *state;
	const loaded_plugin *p;

	assert_int_equal(plugins_load_file(&f->set, PLUGIN("good"), &f->err), 0);
	assert_int_equal(f->err.n, 0);
	assert_int_equal(f->set.n, 1);
	p = plugins_find(&f->set, "good");
	assert_non_null(p);
	assert_string_equal(p->file, PLUGIN("good"));
	assert_int_equal(p->desc->abi_version, STMTLINT_ABI_VERSION);
	assert_int_equal(p->desc->n_checks, 1);
	assert_null(plugins_find(&f->set, "goo"));
}

static void test_bad_abi(void **state)
{
	fixture *f = *state;

	assert_int_equal(plugins_load_file(&f->set, PLUGIN("bad_abi"), &f->err), -1);
	assert_int_equal(f->set.n, 0);
	assert_error(f, PLUGIN("bad_abi") ": error: plugin built for plugin ABI 999.0, but this "
	                "stmtlint offers ABI 1.2; rebuild the plugin against this stmtlint's "
	                "<stmtlint/plugin.h> [plugin]\n");
	/* one error */
	assert_int_equal(f->err.n, 1);
}

static void test_no_entry(void **state)
{
	fixture *f = *state;

	assert_int_equal(plugins_load_file(&f->set, PLUGIN("no_entry"), &f->err), -1);
	assert_int_equal(f->set.n, 0);
	assert_error(f, PLUGIN("no_entry") ": error: not a stmtlint plugin: it does not export "
	                "stmtlint_plugin_entry() [plugin]\n");
}

static void test_missing_file(void **state)
{
	fixture *f = *state;

	assert_int_equal(plugins_load_file(&f->set, PLUGIN("no_such_plugin"), &f->err), -1);
	assert_int_equal(f->set.n, 0);
	assert_error(f, PLUGIN("no_such_plugin") ": error: cannot load plugin: ");
}

static void test_duplicate_id(void **state)
{
	fixture *f = *state;

	assert_int_equal(plugins_load_file(&f->set, PLUGIN("good"), &f->err), 0);
	assert_int_equal(plugins_load_file(&f->set, PLUGIN("dup_id"), &f->err), -1);
	assert_int_equal(f->set.n, 1);
	assert_error(f, PLUGIN("dup_id") ": error: plugin id 'good' is already taken by "
	                PLUGIN("good") " [plugin]\n");
	/* the first one stays */
	assert_string_equal(plugins_find(&f->set, "good")->file, PLUGIN("good"));
}

static void test_load_dir(void **state)
{
	fixture *f = *state;

	/* in name order: abi1_plugin (built for ABI 1.0) loads, bad_abi fails,
	 * delete_file loads, dup_id takes "good", failing_init loads, good then
	 * fails as a duplicate, misbehave loads, no_entry fails, shared_data loads */
	assert_int_equal(plugins_load_dir(&f->set, TEST_PLUGIN_DIR, &f->err), 3);
	assert_int_equal(f->set.n, 6);
	assert_string_equal(f->set.items[0].file, PLUGIN("abi1_plugin"));
	assert_int_equal(f->set.items[0].desc->abi_version, 1u);
	assert_string_equal(f->set.items[1].file, PLUGIN("delete_file"));
	assert_string_equal(f->set.items[2].file, PLUGIN("dup_id"));
	assert_string_equal(f->set.items[3].file, PLUGIN("failing_init"));
	assert_string_equal(f->set.items[4].file, PLUGIN("misbehave"));
	assert_string_equal(f->set.items[5].file, PLUGIN("shared_data"));
	assert_error(f, PLUGIN("bad_abi") ": error:");
	assert_error(f, PLUGIN("good") ": error: plugin id 'good' is already taken");
	assert_error(f, PLUGIN("no_entry") ": error:");

	errlist_free(&f->err);
	assert_int_equal(plugins_load_dir(&f->set, TEST_PLUGIN_DIR "/no-such-dir", &f->err), -1);
	assert_error(f, "no-such-dir: error: cannot read plugin folder");
	plugins_unload(&f->set);
	assert_int_equal(f->set.n, 0);
}

/* ---- init and check ---------------------------------------------------------- */

static void test_failing_init(void **state)
{
	fixture *f = *state;
	config *cfg;

	assert_int_equal(plugins_load_file(&f->set, PLUGIN("failing_init"), &f->err), 0);
	assert_int_equal(plugins_load_file(&f->set, PLUGIN("good"), &f->err), 0);
	ruleset *rs;

	cfg = profile_config(f, "description: test\nrules:\n  good: on\n  failing-init: on\n");
	rs = ruleset_new(&f->set, cfg, f->store, &f->err);
	/* left out, and the other plugins still check */
	assert_non_null(rs);
	assert_int_equal(rs->n_failed, 1);
	assert_int_equal(rs->n, 1);
	assert_string_equal(rs->items[0].plugin->desc->id, "good");
	ruleset_free(rs);
	/* reported where the plugin was enabled, and naming the plugin */
	assert_error(f, "test-profile.yaml: error: [failing-init] this test plugin never starts "
	                "[config]\n");
	assert_error(f, "plugin 'failing-init' failed to start (see above); the drafts are checked "
	                "without it [plugin]\n");
}

static void test_failing_init_off(void **state)
{
	fixture *f = *state;
	config *cfg;
	ruleset *rs;

	assert_int_equal(plugins_load_file(&f->set, PLUGIN("failing_init"), &f->err), 0);
	assert_int_equal(plugins_load_file(&f->set, PLUGIN("good"), &f->err), 0);
	/* a plugin that is not enabled is never started */
	cfg = profile_config(f, "description: test\nrules:\n  good: on\n");
	rs = ruleset_new(&f->set, cfg, f->store, &f->err);
	assert_non_null(rs);
	assert_int_equal(rs->n, 1);
	ruleset_free(rs);

	/* nor is one that is enabled then turned off again */
	cfg = profile_config(f, "description: test\nrules:\n  good: on\n  failing-init: on\n");
	assert_int_equal(config_add_cli_rule(cfg, "failing-init", STMTLINT_OFF), 0);
	rs = ruleset_new(&f->set, cfg, f->store, &f->err);
	assert_non_null(rs);
	assert_int_equal(rs->n, 1);
	ruleset_free(rs);
}

/* Checks `text` with the good plugin configured by `profile_text`. */
static void check_with_good(fixture *f, const char *profile_text, const char *text)
{
	config *cfg;
	ruleset *rs;
	sl_doc *doc;

	if (plugins_find(&f->set, "good") == NULL)
		assert_int_equal(plugins_load_file(&f->set, PLUGIN("good"), &f->err), 0);
	cfg = profile_config(f, profile_text);
	rs = ruleset_new(&f->set, cfg, f->store, &f->err);
	if (rs == NULL)
		fail_msg("%s", errors(f));
	doc = doc_build("draft.md", text, strlen(text), STMTLINT_FORMAT_MARKDOWN);
	assert_non_null(doc);
	assert_int_equal(ruleset_check(rs, doc, 0, &f->out, &f->err), 0);
	doc_free(doc);
	ruleset_free(rs);
}

static void test_check_reports(void **state)
{
	fixture *f = *state;
	const char *text = "Title\n\nThis use is forbidden here.\n";
	const struct stmtlint_diag *d;

	check_with_good(f, "description: test\nrules:\n  good: on\n", text);
	assert_int_equal(f->out.n, 1);
	d = f->out.items[0];
	assert_string_equal(d->rule, "good/word");
	assert_int_equal(d->severity, STMTLINT_WARNING);
	assert_int_equal(d->start, strstr(text, "forbidden") - text);
	assert_int_equal(d->end, d->start + strlen("forbidden"));
	assert_string_equal(d->message, "the draft uses 'forbidden'");
}

static void test_check_nothing_to_report(void **state)
{
	fixture *f = *state;

	/* only whole words of prose count: not in code, not inside a word */
	check_with_good(f, "description: test\nrules:\n  good: on\n",
	                "Title\n\nForbiddenness `forbidden` is fine.\n");
	assert_int_equal(f->out.n, 0);
}

static void test_check_options_and_severity(void **state)
{
	fixture *f = *state;

	check_with_good(f, "description: test\nrules:\n  good:\n    severity: error\n    word: secret\n",
	                "Title\n\nA forbidden secret.\n");
	assert_int_equal(f->out.n, 1);
	assert_int_equal(f->out.items[0]->severity, STMTLINT_ERROR);
	assert_string_equal(f->out.items[0]->message, "the draft uses 'secret'");
}

static void test_check_suppressed_and_off(void **state)
{
	fixture *f = *state;

	check_with_good(f, "description: test\nrules:\n  good: on\n",
	                "Title\n\n<!-- stmtlint-disable-next-line good/word -->\nIt is forbidden.\n");
	assert_int_equal(f->out.n, 0);

	check_with_good(f, "description: test\nrules:\n  good: on\n  good/word: off\n",
	                "Title\n\nIt is forbidden.\n");
	assert_int_equal(f->out.n, 0);
}

static void test_check_core_findings(void **state)
{
	fixture *f = *state;

	/* the reader's own findings come first, sorted with the plugin's */
	check_with_good(f, "description: test\nrules:\n  good: on\n",
	                "Title\n\nIt is forbidden \xFF.\n<!-- stmtlint-disable godo -->\n");
	assert_int_equal(f->out.n, 3);
	assert_string_equal(f->out.items[0]->rule, "good/word");
	assert_string_equal(f->out.items[1]->rule, "encoding");
	assert_int_equal(f->out.items[1]->start, strlen("Title\n\nIt is forbidden "));
	assert_string_equal(f->out.items[2]->rule, "suppression");
	assert_non_null(strstr(f->out.items[2]->message, "unknown rule 'godo'; did you mean 'good'?"));
	diag_list_free(&f->out);

	check_with_good(f, "description: test\nrules:\n  good: on\n", " \n\n");
	assert_int_equal(f->out.n, 1);
	assert_string_equal(f->out.items[0]->rule, "input");
	assert_int_equal(f->out.items[0]->severity, STMTLINT_ERROR);
}

static void test_unknown_option_of_test_plugin(void **state)
{
	fixture *f = *state;
	config *cfg;
	ruleset *rs;

	assert_int_equal(plugins_load_file(&f->set, PLUGIN("good"), &f->err), 0);
	cfg = profile_config(f, "description: test\nrules:\n  good:\n    wrod: x\n");
	assert_null(ruleset_new(&f->set, cfg, f->store, &f->err));
	assert_error(f, "test-profile.yaml:4:5: error: rule 'good' has no option 'wrod'; "
	                "did you mean 'word'? [config]\n");

	/* the plugin's own validation, reported at the option's value */
	errlist_free(&f->err);
	cfg = profile_config(f, "description: test\nrules:\n  good:\n    word: ''\n");
	rs = ruleset_new(&f->set, cfg, f->store, &f->err);
	assert_non_null(rs);
	assert_int_equal(rs->n_failed, 1);
	assert_int_equal(rs->n, 0);
	ruleset_free(rs);
	assert_error(f, "test-profile.yaml:4:11: error: [good] option 'word' must not be empty "
	                "[config]\n");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_load_good),
		T(test_bad_abi),
		T(test_no_entry),
		T(test_missing_file),
		T(test_duplicate_id),
		T(test_load_dir),
		T(test_failing_init),
		T(test_failing_init_off),
		T(test_check_reports),
		T(test_check_nothing_to_report),
		T(test_check_options_and_severity),
		T(test_check_suppressed_and_off),
		T(test_check_core_findings),
		T(test_unknown_option_of_test_plugin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
