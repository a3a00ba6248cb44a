/* test_config.c - unit tests of configuration loading (src/config.c) and of
 * checking a configuration against the real plugins (ruleset_new in
 * src/engine.c): positions, did-you-mean suggestions, profiles; datasets
 * of several files (a folder, a list, `add:`), confined like includes and
 * loaded once as a sequence of the files' roots (store.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "config.h"
#include "engine.h"
#include "loader.h"
#include "scratch.h"

typedef struct fixture {
	char dir[512];
	errlist err;
	buf text;              /* err as compilers print it, for assertions */
	store *store;
	plugin_set plugins;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	if (scratch_dir_make(f->dir, sizeof(f->dir), "config") != 0) {
		free(f);
		return -1;
	}
	errlist_init(&f->err);
	buf_init(&f->text, 0);
	f->store = store_new();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	if (scratch_dir_remove(f->dir) != 0)
		return -1;
	errlist_free(&f->err);
	buf_free(&f->text);
	store_free(f->store);
	plugins_unload(&f->plugins);
	free(f);
	return 0;
}

/* Writes dir/name; returns its path (static buffer, valid until the next call). */
static const char *write_file(const fixture *f, const char *name, const char *text)
{
	const char *path = scratch_write(f->dir, name, text);

	assert_non_null(path);
	return path;
}

static const char *errors(const fixture *f)
{
	buf *b = (buf *)&f->text;

	buf_reset(b);
	errlist_format(&f->err, b);
	return b->data != NULL ? b->data : "";
}

/* Asserts that err holds "DIR/NAME:LINE:COL: error: " followed, somewhere on
 * that line, by `text`. */
static void assert_error_at(const fixture *f, const char *name, int line, int col, const char *text)
{
	char want[700];
	const char *at;
	const char *eol;

	if (col > 0)
		snprintf(want, sizeof(want), "%s/%s:%d:%d: error: ", f->dir, name, line, col);
	else
		snprintf(want, sizeof(want), "%s/%s:%d:", f->dir, name, line);
	at = strstr(errors(f), want);
	if (at == NULL)
		fail_msg("no \"%s\" in: %s", want, errors(f));
	eol = strchr(at, '\n');
	assert_non_null(eol);
	if (strstr(at, text) == NULL || strstr(at, text) > eol)
		fail_msg("no \"%s\" in: %.*s", text, (int)(eol - at), at);
}

static config *load(fixture *f, const char *cfg_text)
{
	const char *path = write_file(f, ".stmtlint.yaml", cfg_text);

	return config_load(path, NULL, RULES_DIR, 0, &f->err);
}

/* ---- config_load -------------------------------------------------------- */

static void test_valid_config(void **state)
{
	fixture *f = *state;
	config *cfg = load(f, "profile: default\nlanguage: en-GB\nfail-on: warning\n"
	                      "rules:\n  dates: off\n  structure/bullets: error\n");
	size_t i;
	int saw_dates_off = 0;

	assert_non_null(cfg);
	assert_int_equal(f->err.n, 0);
	assert_int_equal(cfg->fail_on, STMTLINT_WARNING);
	assert_string_equal(cfg->language, "en-GB");
	assert_non_null(strstr(cfg->profile, "/profiles/default.yaml"));
	/* the profile's settings come first, the configuration's last */
	assert_true(cfg->n_rules >= 4);
	assert_string_equal(cfg->rules[cfg->n_rules - 1].rule, "structure/bullets");
	assert_int_equal(cfg->rules[cfg->n_rules - 1].severity, STMTLINT_ERROR);
	assert_int_equal(cfg->rules[cfg->n_rules - 1].at->line, 6);
	for (i = 0; i < cfg->n_rules; i++)
		if (strcmp(cfg->rules[i].rule, "dates") == 0 && cfg->rules[i].severity == STMTLINT_OFF)
			saw_dates_off = 1;
	assert_true(saw_dates_off);
	assert_string_equal(cfg->rules[0].rule, "structure");
	assert_int_equal(cfg->rules[0].severity, RULE_ON);
	config_free(cfg);
}

static void test_yaml_syntax_error(void **state)
{
	fixture *f = *state;
	config *cfg = load(f, "profile: default\nrules:\n  dates: [on\n  structure: off\n");

	assert_null(cfg);
	/* libyaml names the line where it noticed the unclosed flow sequence */
	assert_non_null(strstr(errors(f), ".stmtlint.yaml:"));
	assert_non_null(strstr(errors(f), ": error: YAML: "));
	assert_error_at(f, ".stmtlint.yaml", 4, 0, "error: YAML");
}

static void test_unknown_key_did_you_mean(void **state)
{
	fixture *f = *state;
	config *cfg = load(f, "# a comment\nprofle: default\n");

	assert_null(cfg);
	assert_error_at(f, ".stmtlint.yaml", 2, 1,
	                "unknown configuration key 'profle'; did you mean 'profile'?");
}

static void test_unknown_key_far_from_any(void **state)
{
	fixture *f = *state;
	config *cfg = load(f, "colour-scheme: dark\n");

	assert_null(cfg);
	assert_error_at(f, ".stmtlint.yaml", 1, 1, "unknown configuration key 'colour-scheme'");
	assert_null(strstr(errors(f), "did you mean"));
}

static void test_bad_severity(void **state)
{
	fixture *f = *state;
	config *cfg = load(f, "rules:\n  dates: loud\n");

	assert_null(cfg);
	assert_error_at(f, ".stmtlint.yaml", 2, 10, "'loud' is not a severity");

	errlist_free(&f->err);
	cfg = load(f, "rules:\n  dates:\n    severity: [x]\n");
	assert_null(cfg);
	assert_error_at(f, ".stmtlint.yaml", 3, 15, "severity must be off, on, note, warning or error");
}

static void test_fail_on(void **state)
{
	fixture *f = *state;
	config *cfg = load(f, "fail-on: note\n");

	assert_non_null(cfg);
	assert_int_equal(cfg->fail_on, STMTLINT_NOTE);
	config_free(cfg);

	cfg = load(f, "language: en-US\n");
	assert_non_null(cfg);
	assert_int_equal(cfg->fail_on, RULE_UNSET);
	config_free(cfg);

	cfg = load(f, "fail-on: off\n");
	assert_null(cfg);
	assert_error_at(f, ".stmtlint.yaml", 1, 10, "fail-on must be error, warning or note");
}

static void test_profile_not_found(void **state)
{
	fixture *f = *state;
	config *cfg = load(f, "\nprofile: no-such-profile\n");

	assert_null(cfg);
	assert_error_at(f, ".stmtlint.yaml", 2, 10, "no profile file");
	assert_non_null(strstr(errors(f), "no-such-profile.yaml"));

	/* from the command line there is no position */
	errlist_free(&f->err);
	cfg = config_load(NULL, "no-such-profile", RULES_DIR, 0, &f->err);
	assert_null(cfg);
	assert_non_null(strstr(errors(f), "error: no profile file"));
}

static void test_extends_loop(void **state)
{
	fixture *f = *state;
	config *cfg;

	write_file(f, "a.yaml", "description: a\nextends: b.yaml\n");
	write_file(f, "b.yaml", "description: b\nextends: a.yaml\n");
	cfg = load(f, "profile: a.yaml\n");
	assert_null(cfg);
	assert_error_at(f, "b.yaml", 2, 10, "profile 'a.yaml' loops back to ");
}

static void test_config_names_itself(void **state)
{
	fixture *f = *state;

	assert_null(load(f, "profile: ./.stmtlint.yaml\n"));
	assert_error_at(f, ".stmtlint.yaml", 1, 10, "loops back to ");
}

/* A repository's configuration may not read files outside it. */
static void test_profile_outside_repository(void **state)
{
	fixture *f = *state;

	assert_null(load(f, "profile: /etc/passwd\n"));
	assert_error_at(f, ".stmtlint.yaml", 1, 10, "outside the repository");
}

static void test_include_outside_repository(void **state)
{
	fixture *f = *state;

	write_file(f, "mine.yaml", "description: mine\ninclude:\n  - /etc/passwd\n");
	assert_null(load(f, "profile: mine.yaml\n"));
	assert_error_at(f, "mine.yaml", 3, 5, "rule data '/etc/passwd' resolves to /etc/passwd, outside");
}

/* The command line's own profile is the user's choice: it may be anywhere. */
static void test_profile_override_not_confined(void **state)
{
	fixture *f = *state;
	const char *cfg_path = write_file(f, ".stmtlint.yaml", "rules:\n  dates: off\n");
	config *cfg = config_load(cfg_path, RULES_DIR "/profiles/default.yaml", RULES_DIR, 0, &f->err);

	assert_non_null(cfg);
	assert_int_equal(f->err.n, 0);
	config_free(cfg);
}

static void test_repo_plugins_refused(void **state)
{
	fixture *f = *state;

	assert_null(load(f, "rules:\n  dates: off\nplugin-dirs: [plug]\n"));
	assert_error_at(f, ".stmtlint.yaml", 3, 1, "refused: this configuration asks to load plugins");
	assert_non_null(strstr(errors(f), "--allow-repo-plugins"));
}

static void test_repo_plugins_allowed(void **state)
{
	fixture *f = *state;
	const char *path = write_file(f, ".stmtlint.yaml", "plugins: [plug/x.so]\nplugin-dirs: [plug]\n");
	config *cfg = config_load(path, NULL, RULES_DIR, CONFIG_ALLOW_PLUGINS, &f->err);
	char want[600];

	assert_non_null(cfg);
	assert_int_equal(cfg->n_plugin_files, 1);
	assert_int_equal(cfg->n_plugin_dirs, 1);
	snprintf(want, sizeof(want), "%s/plug", f->dir);
	assert_string_equal(cfg->plugin_dirs[0], want);
	config_free(cfg);
}

static void test_user_config(void **state)
{
	fixture *f = *state;
	const char *path = write_file(f, "config.yaml", "plugin-dirs: [/opt/stmtlint]\n");
	config *cfg = config_load_user(path, &f->err);

	assert_non_null(cfg);
	assert_int_equal(cfg->n_plugin_dirs, 1);
	assert_string_equal(cfg->plugin_dirs[0], "/opt/stmtlint");
	config_free(cfg);
	path = write_file(f, "config.yaml", "profile: default\n");
	assert_null(config_load_user(path, &f->err));
	assert_error_at(f, "config.yaml", 1, 1, "it says where plugins are");
	/* No file: nothing to say. */
	cfg = config_load_user("/nonexistent/stmtlint/config.yaml", &f->err);
	assert_non_null(cfg);
	assert_int_equal(cfg->n_plugin_dirs, 0);
	config_free(cfg);
}

static void test_profile_extends_and_includes(void **state)
{
	fixture *f = *state;
	config *cfg;
	size_t i;
	int saw_data = 0;

	write_file(f, "data.yaml", "structure:\n  bullet: '-'\n");
	write_file(f, "mine.yaml",
	           "description: mine\nextends: default\ninclude:\n  - data.yaml\nrules:\n  dates: off\n");
	cfg = load(f, "profile: mine.yaml\n");
	assert_non_null(cfg);
	assert_int_equal(f->err.n, 0);
	for (i = 0; i < cfg->n_rules; i++) {
		if (cfg->rules[i].options_only) {
			assert_string_equal(cfg->rules[i].rule, "structure");
			assert_int_equal(cfg->rules[i].n_options, 1);
			assert_string_equal(cfg->rules[i].options[0].name, "bullet");
			saw_data = 1;
		}
	}
	assert_true(saw_data);
	config_free(cfg);

	/* an unknown profile key, with a suggestion */
	write_file(f, "typo.yaml", "description: x\nextend: default\n");
	cfg = load(f, "profile: typo.yaml\n");
	assert_null(cfg);
	assert_error_at(f, "typo.yaml", 2, 1, "unknown profile key 'extend'; did you mean 'extends'?");
}

static void test_closest_word(void **unused)
{
	static const char *const words[] = { "structure", "dates", "principles" };

	(void)unused;
	assert_string_equal(closest_word("strucure", words, 3), "structure");
	assert_string_equal(closest_word("date", words, 3), "dates");
	assert_null(closest_word("spelling", words, 3));
	assert_null(closest_word("x", words, 3));
}

/* ---- ruleset_new with the real plugins ------------------------------------ */

static void load_real_plugins(fixture *f)
{
	assert_int_equal(plugins_load_dir(&f->plugins, BUILD_PLUGIN_DIR, &f->err), 0);
	assert_non_null(plugins_find(&f->plugins, "structure"));
	assert_non_null(plugins_find(&f->plugins, "dates"));
}

static void test_ruleset_valid(void **state)
{
	fixture *f = *state;
	config *cfg;
	ruleset *rs;

	load_real_plugins(f);
	cfg = load(f, "rules:\n  structure:\n    bullet: '-'\n  dates/weekday: off\n");
	assert_non_null(cfg);
	rs = ruleset_new(&f->plugins, cfg, f->store, &f->err);
	if (rs == NULL)
		fail_msg("%s", errors(f));
	assert_int_equal(rs->n, 8);
	assert_string_equal(rs->items[0].plugin->desc->id, "acronyms");
	assert_string_equal(rs->items[1].plugin->desc->id, "agencies");
	assert_string_equal(rs->items[2].plugin->desc->id, "brackets");
	assert_string_equal(rs->items[3].plugin->desc->id, "dates");
	assert_string_equal(rs->items[4].plugin->desc->id, "spelling");
	assert_string_equal(rs->items[5].plugin->desc->id, "structure");
	assert_string_equal(rs->items[6].plugin->desc->id, "terms");
	assert_string_equal(rs->items[7].plugin->desc->id, "typography");
	ruleset_free(rs);
}

static void test_ruleset_unknown_rule(void **state)
{
	fixture *f = *state;
	config *cfg;

	load_real_plugins(f);
	cfg = load(f, "rules:\n  strucure: on\n");
	assert_non_null(cfg);
	assert_null(ruleset_new(&f->plugins, cfg, f->store, &f->err));
	assert_error_at(f, ".stmtlint.yaml", 2, 3, "unknown rule 'strucure'; did you mean 'structure'?");

	errlist_free(&f->err);
	cfg = load(f, "rules:\n  structure/bulets: off\n");
	assert_non_null(cfg);
	assert_null(ruleset_new(&f->plugins, cfg, f->store, &f->err));
	assert_error_at(f, ".stmtlint.yaml", 2, 3,
	                "unknown rule 'structure/bulets'; did you mean 'structure/bullets'?");
}

static void test_ruleset_unknown_option(void **state)
{
	fixture *f = *state;
	config *cfg;

	load_real_plugins(f);
	cfg = load(f, "rules:\n  structure:\n    severity: error\n    bulet: '-'\n");
	assert_non_null(cfg);
	assert_null(ruleset_new(&f->plugins, cfg, f->store, &f->err));
	assert_error_at(f, ".stmtlint.yaml", 4, 5,
	                "rule 'structure' has no option 'bulet'; did you mean 'bullet'?");
}

static void test_ruleset_bad_option_value(void **state)
{
	fixture *f = *state;
	config *cfg;

	load_real_plugins(f);
	cfg = load(f, "rules:\n  structure:\n    bullet: 'x'\n");
	assert_non_null(cfg);
	assert_null(ruleset_new(&f->plugins, cfg, f->store, &f->err));
	assert_error_at(f, ".stmtlint.yaml", 3, 13, "option 'bullet' cannot be 'x'");

	errlist_free(&f->err);
	cfg = load(f, "rules:\n  structure:\n    bullet: [a, b]\n");
	assert_non_null(cfg);
	assert_null(ruleset_new(&f->plugins, cfg, f->store, &f->err));
	assert_error_at(f, ".stmtlint.yaml", 3, 13, "option 'bullet' must be a string");
}

static void test_ruleset_options_on_check(void **state)
{
	fixture *f = *state;
	config *cfg;

	load_real_plugins(f);
	cfg = load(f, "rules:\n  structure/bullets:\n    bullet: '-'\n");
	assert_non_null(cfg);
	assert_null(ruleset_new(&f->plugins, cfg, f->store, &f->err));
	assert_error_at(f, ".stmtlint.yaml", 2, 3, "options belong to the plugin");
}

/* ---- datasets of several files: a folder, a list, add: ------------------- */

static void make_dir(const fixture *f, const char *name)
{
	char path[700];

	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	assert_int_equal(mkdir(path, 0755), 0);
}

/* Loads .stmtlint.yaml naming the profile `profile.yaml` of f->dir. */
static config *load_profile_yaml(fixture *f)
{
	return load(f, "profile: profile.yaml\n");
}

static const dataset_decl *find_decl(const config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->n_datasets; i++)
		if (strcmp(cfg->datasets[i].name, name) == 0)
			return &cfg->datasets[i];
	fail_msg("no dataset '%s'", name);
	return NULL;
}

/* Asserts that path ends with "/" followed by tail. */
static void assert_file(const char *path, const char *tail)
{
	size_t n = strlen(path);
	size_t m = strlen(tail);

	if (n <= m || path[n - m - 1] != '/' || strcmp(path + n - m, tail) != 0)
		fail_msg("'%s' is not .../%s", path, tail);
}

static void test_folder_in_name_order(void **state)
{
	fixture *f = *state;
	const dataset_decl *d;
	config *cfg;

	make_dir(f, "reg");
	write_file(f, "reg/b.yaml", "bodies: []\n");
	write_file(f, "reg/a.yaml", "government: Japan\n");
	write_file(f, "reg/.hidden.yaml", "x: 1\n");
	write_file(f, "reg/notes.txt", "not a dataset file\n");
	write_file(f, "profile.yaml", "description: p\ndata:\n  reg: reg/\n");
	cfg = load_profile_yaml(f);
	if (cfg == NULL)
		fail_msg("%s", errors(f));
	d = find_decl(cfg, "reg");
	assert_true(d->many);
	assert_int_equal(d->n_files, 2);
	assert_file(d->files[0], "reg/a.yaml");
	assert_file(d->files[1], "reg/b.yaml");
	assert_int_equal(d->n_folders, 1);
	assert_file(d->folders[0], "reg");
	config_free(cfg);
}

static void test_one_file_stays_one(void **state)
{
	fixture *f = *state;
	const dataset_decl *d;
	config *cfg;

	write_file(f, "one.yaml", "a: 1\n");
	write_file(f, "profile.yaml", "description: p\ndata:\n  one: one.yaml\n");
	cfg = load_profile_yaml(f);
	assert_non_null(cfg);
	d = find_decl(cfg, "one");
	assert_false(d->many);
	assert_int_equal(d->n_files, 1);
	assert_file(d->files[0], "one.yaml");
	config_free(cfg);
}

static void test_list_and_add(void **state)
{
	fixture *f = *state;
	const dataset_decl *d;
	config *cfg;

	make_dir(f, "reg");
	write_file(f, "reg/us.yaml", "bodies: []\n");
	write_file(f, "extra.yaml", "bodies: []\n");
	write_file(f, "more.yaml", "bodies: []\n");
	write_file(f, "base.yaml", "description: base\ndata:\n  reg: [reg/, extra.yaml]\n");
	write_file(f, "profile.yaml",
	           "description: p\nextends: base.yaml\ndata:\n  reg: {add: more.yaml}\n");
	cfg = load_profile_yaml(f);
	if (cfg == NULL)
		fail_msg("%s", errors(f));
	d = find_decl(cfg, "reg");
	assert_true(d->many);
	assert_int_equal(d->n_files, 3);
	assert_file(d->files[0], "reg/us.yaml");
	assert_file(d->files[1], "extra.yaml");
	assert_file(d->files[2], "more.yaml");
	config_free(cfg);

	/* a list replaces what the profile below declared */
	write_file(f, "profile.yaml", "description: p\nextends: base.yaml\ndata:\n  reg: [more.yaml]\n");
	cfg = load_profile_yaml(f);
	assert_non_null(cfg);
	d = find_decl(cfg, "reg");
	assert_int_equal(d->n_files, 1);
	assert_file(d->files[0], "more.yaml");
	config_free(cfg);
}

static void test_bad_values(void **state)
{
	fixture *f = *state;

	write_file(f, "profile.yaml", "description: p\ndata:\n  reg: {more: x.yaml}\n");
	assert_null(load_profile_yaml(f));
	assert_non_null(strstr(errors(f), "profile.yaml:3:8: error: a dataset is a file, a folder, "
	                                  "a list of them, or 'add:'"));
	errlist_free(&f->err);
	errlist_init(&f->err);
	write_file(f, "profile.yaml", "description: p\ndata:\n  reg: [missing/]\n");
	assert_null(load_profile_yaml(f));
	assert_non_null(strstr(errors(f), "profile.yaml:3:9: error: cannot read dataset 'missing/'"));
}

static void test_link_out_of_folder_refused(void **state)
{
	fixture *f = *state;
	char link[700];

	make_dir(f, "reg");
	write_file(f, "reg/a.yaml", "bodies: []\n");
	snprintf(link, sizeof(link), "%s/reg/z.yaml", f->dir);
	assert_int_equal(symlink("/etc/hostname", link), 0);
	write_file(f, "profile.yaml", "description: p\ndata:\n  reg: reg/\n");
	assert_null(load_profile_yaml(f));
	assert_non_null(strstr(errors(f), "error: dataset 'reg/' resolves to /etc/hostname, outside "
	                                  "the repository"));
}

static void test_store_sequence_loaded_once(void **state)
{
	fixture *f = *state;
	const struct stmtlint_node *seq;
	const struct stmtlint_node *again;
	const struct stmtlint_node *one;
	const dataset_decl *d;
	config *cfg;

	make_dir(f, "reg");
	write_file(f, "reg/a.yaml", "government: A\n");
	write_file(f, "reg/b.yaml", "government: B\n");
	write_file(f, "profile.yaml", "description: p\ndata:\n  reg: reg/\n");
	cfg = load_profile_yaml(f);
	assert_non_null(cfg);
	d = find_decl(cfg, "reg");
	seq = store_dataset_files(f->store, d->files, d->n_files, &f->err);
	assert_non_null(seq);
	assert_int_equal(seq->kind, STMTLINT_NODE_SEQUENCE);
	assert_int_equal(seq->n, 2);
	assert_string_equal(yt_get(seq->items[0], "government")->scalar, "A");
	assert_string_equal(yt_get(seq->items[1], "government")->scalar, "B");
	/* the same files: the same sequence, and each file's root the one a single load gives */
	again = store_dataset_files(f->store, d->files, d->n_files, &f->err);
	assert_ptr_equal(seq, again);
	one = store_dataset(f->store, d->files[1], &f->err);
	assert_ptr_equal(one, seq->items[1]);
	/* no files: an empty sequence */
	again = store_dataset_files(f->store, NULL, 0, &f->err);
	assert_non_null(again);
	assert_int_equal(again->n, 0);
	assert_int_equal(f->err.n, 0);
	config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_valid_config, setup, teardown),
		cmocka_unit_test_setup_teardown(test_yaml_syntax_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_key_did_you_mean, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_key_far_from_any, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_severity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fail_on, setup, teardown),
		cmocka_unit_test_setup_teardown(test_profile_not_found, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extends_loop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_names_itself, setup, teardown),
		cmocka_unit_test_setup_teardown(test_profile_outside_repository, setup, teardown),
		cmocka_unit_test_setup_teardown(test_include_outside_repository, setup, teardown),
		cmocka_unit_test_setup_teardown(test_profile_override_not_confined, setup, teardown),
		cmocka_unit_test_setup_teardown(test_repo_plugins_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_repo_plugins_allowed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_user_config, setup, teardown),
		cmocka_unit_test_setup_teardown(test_profile_extends_and_includes, setup, teardown),
		cmocka_unit_test(test_closest_word),
		cmocka_unit_test_setup_teardown(test_ruleset_valid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ruleset_unknown_rule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ruleset_unknown_option, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ruleset_bad_option_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ruleset_options_on_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folder_in_name_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_file_stays_one, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_and_add, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_link_out_of_folder_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_sequence_loaded_once, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
