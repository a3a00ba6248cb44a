/* session.c - one checking session per process. */
#include "session.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "corerules.h"
#include "engine.h"
#include "fileio.h"
#include "loader.h"
#include "paths.h"
#include "store.h"

/* What a configuration was read from, as it was then: when any of it
 * changes on disk, the configuration is read again. */
typedef struct file_stamp {
	char *path;
	int exists;
	struct stat st;
} file_stamp;

/* One configuration met while checking, and what it became. */
typedef struct cached_config {
	char *key;                  /* the .stmtlint.yaml, or "" for none */
	ruleset *rs;                /* NULL when it failed */
	plugin_set *own;            /* plugins of a configuration that names its own, or NULL */
	file_stamp *stamps;
	size_t n_stamps;
	int errors_shown;           /* its errors went into a report already */
} cached_config;

/* The configuration found for one folder. */
typedef struct folder_config {
	char *dir;
	char *config;               /* "" for none */
} folder_config;

struct session {
	const session_opts *o;
	config *user;               /* the user's configuration: where plugins are */
	plugin_set plugins;         /* installed, the user's, --plugin-dir */
	store *store;
	pthread_mutex_t lock;       /* guards the caches below */
	cached_config *configs;
	size_t n_configs;
	cached_config *retired;     /* replaced after a change on disk: freed at the end,
	                               since a check elsewhere may still use them */
	size_t n_retired;
	folder_config *folders;
	size_t n_folders;
};

/* ---- plugins ----------------------------------------------------------------- */

/* Loads into set the plugins every check may use: the installed folder (or
 * those STMTLINT_PLUGIN_PATH lists),
 * the user's configuration, then each --plugin-dir; and those `cfg` names
 * (a configuration trusted with --allow-repo-plugins), when cfg is given.
 * Returns the number of failures, each in err. */
static int load_plugins(const session *s, plugin_set *set, const config *cfg, errlist *err)
{
	const config *from[2] = { s->user, cfg };
	const char *const *plugin_dirs;
	size_t n_plugin_dirs = paths_plugin_dirs(&plugin_dirs);
	int failed = 0;
	size_t i;
	size_t k;

	if (n_plugin_dirs == 0) {
		errlist_add(err, "plugin", NULL, 0, 0, "out of memory");
		failed++;
	}
	for (i = 0; i < n_plugin_dirs; i++)
		if (plugins_load_dir(set, plugin_dirs[i], err) != 0)
			failed++;
	for (k = 0; k < 2; k++) {
		if (from[k] == NULL)
			continue;
		for (i = 0; i < from[k]->n_plugin_dirs; i++)
			if (plugins_load_dir(set, from[k]->plugin_dirs[i], err) != 0)
				failed++;
		for (i = 0; i < from[k]->n_plugin_files; i++)
			if (plugins_load_file(set, from[k]->plugin_files[i], err) != 0)
				failed++;
		if (k == 0)
			for (i = 0; i < s->o->n_plugin_dirs; i++)
				if (plugins_load_dir(set, s->o->plugin_dirs[i], err) != 0)
					failed++;
	}
	return failed;
}

session *session_new(const session_opts *o, errlist *err)
{
	session *s = calloc(1, sizeof(*s));
	char *user_path;

	if (s == NULL)
		return NULL;
	s->o = o;
	s->store = store_new();
	if (s->store == NULL || pthread_mutex_init(&s->lock, NULL) != 0) {
		store_free(s->store);
		free(s);
		return NULL;
	}
	user_path = config_user_path();
	if (user_path != NULL) {
		s->user = config_load_user(user_path, err);
		free(user_path);
	}
	load_plugins(s, &s->plugins, NULL, err);
	return s;
}

static void cached_config_free(cached_config *c)
{
	size_t i;

	ruleset_free(c->rs);
	if (c->own != NULL)
		plugins_unload(c->own);
	free(c->own);
	for (i = 0; i < c->n_stamps; i++)
		free(c->stamps[i].path);
	free(c->stamps);
	free(c->key);
}

void session_free(session *s)
{
	size_t i;

	if (s == NULL)
		return;
	/* fini() of every plugin first, then what they shared, then the code */
	for (i = 0; i < s->n_configs; i++)
		ruleset_free(s->configs[i].rs), s->configs[i].rs = NULL;
	for (i = 0; i < s->n_retired; i++)
		ruleset_free(s->retired[i].rs), s->retired[i].rs = NULL;
	store_free(s->store);
	for (i = 0; i < s->n_configs; i++)
		cached_config_free(&s->configs[i]);
	for (i = 0; i < s->n_retired; i++)
		cached_config_free(&s->retired[i]);
	free(s->configs);
	free(s->retired);
	session_forget_folders(s);
	plugins_unload(&s->plugins);
	config_free(s->user);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

void session_forget_folders(session *s)
{
	size_t i;

	for (i = 0; i < s->n_folders; i++) {
		free(s->folders[i].dir);
		free(s->folders[i].config);
	}
	free(s->folders);
	s->folders = NULL;
	s->n_folders = 0;
}

/* ---- configurations ------------------------------------------------------------ */

static int stamp_add(cached_config *c, const char *path)
{
	file_stamp *p;
	size_t i;

	for (i = 0; i < c->n_stamps; i++)
		if (strcmp(c->stamps[i].path, path) == 0)
			return 0;
	p = realloc(c->stamps, (c->n_stamps + 1) * sizeof(*p));
	if (p == NULL)
		return -1;
	c->stamps = p;
	p = &c->stamps[c->n_stamps];
	memset(p, 0, sizeof(*p));
	p->path = strdup(path);
	if (p->path == NULL)
		return -1;
	p->exists = stat(path, &p->st) == 0;
	c->n_stamps++;
	return 0;
}

/* Records every file the configuration was read from. */
static void stamp_config(cached_config *c, const config *cfg)
{
	size_t i;

	if (c->key[0] != '\0')
		stamp_add(c, c->key);
	if (cfg == NULL)
		return;
	for (i = 0; i < cfg->n_docs; i++)
		stamp_add(c, cfg->docs[i]->file);
	for (i = 0; i < cfg->n_datasets; i++) {
		const dataset_decl *d = &cfg->datasets[i];
		size_t k;

		for (k = 0; k < d->n_files; k++)
			stamp_add(c, d->files[k]);
		for (k = 0; k < d->n_folders; k++)
			stamp_add(c, d->folders[k]);
	}
}

static int stamps_current(const cached_config *c)
{
	size_t i;

	for (i = 0; i < c->n_stamps; i++) {
		const file_stamp *f = &c->stamps[i];
		struct stat st;
		int exists = stat(f->path, &st) == 0;

		if (exists != f->exists)
			return 0;
		if (exists && (st.st_ino != f->st.st_ino || st.st_size != f->st.st_size ||
		               st.st_mtim.tv_sec != f->st.st_mtim.tv_sec ||
		               st.st_mtim.tv_nsec != f->st.st_mtim.tv_nsec))
			return 0;
	}
	return 1;
}

/* The folder a draft's configuration is looked up from. */
static char *folder_of(const char *draft)
{
	const char *slash;

	if (strcmp(draft, "-") == 0)
		return strdup(".");
	slash = strrchr(draft, '/');
	return slash ? strndup(draft, (size_t)(slash - draft) + (slash == draft)) : strdup(".");
}

/* The configuration file for drafts of folder `dir` ("" for none), looked
 * up once per folder (a configuration skipped as untrusted is a warning in
 * `warnings`, with the first draft of the folder).  NULL when out of memory. */
static const char *config_of_folder(session *s, const char *dir, errlist *warnings)
{
	folder_config *p;
	char *found;
	size_t i;

	for (i = s->n_folders; i > 0; i--)
		if (strcmp(s->folders[i - 1].dir, dir) == 0)
			return s->folders[i - 1].config;
	p = realloc(s->folders, (s->n_folders + 1) * sizeof(*p));
	if (p == NULL)
		return NULL;
	s->folders = p;
	found = config_find(dir, warnings);
	p[s->n_folders].dir = strdup(dir);
	p[s->n_folders].config = strdup(found ? found : "");
	free(found);
	if (p[s->n_folders].dir == NULL || p[s->n_folders].config == NULL) {
		free(p[s->n_folders].dir);
		free(p[s->n_folders].config);
		return NULL;
	}
	return p[s->n_folders++].config;
}

/* Reads the configuration `key` ("" for none) and makes its rule set into c. */
static void build_config(session *s, cached_config *c, errlist *err)
{
	const session_opts *o = s->o;
	config *cfg;
	size_t i;

	cfg = config_load(c->key[0] ? c->key : NULL, o->profile, paths_data_dir(),
	                  o->allow_repo_plugins ? CONFIG_ALLOW_PLUGINS : 0, err);
	stamp_config(c, cfg);
	if (cfg == NULL)
		return;
	for (i = 0; i < o->n_rules; i++)
		config_add_cli_rule(cfg, o->rules[i], o->rule_severity[i]);
	if (cfg->n_plugin_dirs > 0 || cfg->n_plugin_files > 0) {
		/* Its own plugins join the common ones for its drafts only. */
		c->own = calloc(1, sizeof(*c->own));
		if (c->own == NULL || load_plugins(s, c->own, cfg, err) != 0) {
			config_free(cfg);
			return;
		}
	}
	c->rs = ruleset_new(c->own != NULL ? c->own : &s->plugins, cfg, s->store, err);
}

/* The rule set for drafts whose configuration is looked up from
 * `config_from`; NULL when it cannot be had, with the reasons in err (the
 * configuration's own errors only the first time they are met). */
static const ruleset *ruleset_for(session *s, const char *config_from, const char *name,
                                  errlist *err)
{
	const char *key = s->o->config_path;
	cached_config *c = NULL;
	const ruleset *rs;
	char *dir = NULL;
	size_t i;

	pthread_mutex_lock(&s->lock);
	if (key == NULL) {
		dir = folder_of(config_from);
		key = dir != NULL ? config_of_folder(s, dir, err) : NULL;
		free(dir);
		if (key == NULL)
			goto oom;
	}
	for (i = 0; i < s->n_configs && c == NULL; i++)
		if (strcmp(s->configs[i].key, key) == 0)
			c = &s->configs[i];
	if (c != NULL && !stamps_current(c)) {
		cached_config *p = realloc(s->retired, (s->n_retired + 1) * sizeof(*p));

		if (p == NULL)
			goto oom;
		s->retired = p;
		p[s->n_retired++] = *c;
		memset(c, 0, sizeof(*c));
		c->key = strdup(key);
		if (c->key == NULL)
			goto oom;
		build_config(s, c, err);
	} else if (c == NULL) {
		cached_config *p = realloc(s->configs, (s->n_configs + 1) * sizeof(*p));

		if (p == NULL)
			goto oom;
		s->configs = p;
		c = &p[s->n_configs];
		memset(c, 0, sizeof(*c));
		c->key = strdup(key);
		if (c->key == NULL)
			goto oom;
		s->n_configs++;
		build_config(s, c, err);
	} else if (c->rs == NULL) {
		errlist_add(err, "config", name, 0, 0, "not checked: its configuration %s cannot be "
		            "used (see the errors reported before)", key[0] ? key : "(the default)");
	}
	c->errors_shown = 1;
	rs = c->rs;
	pthread_mutex_unlock(&s->lock);
	return rs;
oom:
	pthread_mutex_unlock(&s->lock);
	errlist_add(err, "config", name, 0, 0, "out of memory");
	return NULL;
}

/* ---- drafts ---------------------------------------------------------------- */

/* Refuses a file that is not UTF-8 text: UTF-16 (by its byte-order mark,
 * or by the NUL bytes of ASCII text in it), or any file with a NUL byte,
 * whose position it reports.  Returns 1 when refused. */
static int refuse_binary(const char *name, const char *data, size_t len, errlist *err)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *nul = memchr(data, '\0', len);
	size_t line = 1;
	size_t col = 1;
	size_t i;

	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		errlist_add(err, "input", name, 1, 1, "the file is UTF-16 (%s-endian, by its "
		            "byte-order mark); drafts must be UTF-8: convert it, e.g. iconv -f "
		            "UTF-16 -t UTF-8", u[0] == 0xFF ? "little" : "big");
		return 1;
	}
	if (nul == NULL)
		return 0;
	if (len >= 4 && len % 2 == 0 && ((u[0] && !u[1] && u[2] && !u[3]) || (!u[0] && u[1] && !u[2] && u[3]))) {
		errlist_add(err, "input", name, 1, 1, "the file looks like UTF-16 (%s-endian, no "
		            "byte-order mark); drafts must be UTF-8: convert it, e.g. iconv -f "
		            "UTF-16%s -t UTF-8", u[0] ? "little" : "big", u[0] ? "LE" : "BE");
		return 1;
	}
	for (i = 0; i < (size_t)(nul - data); i++) {
		if (data[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	errlist_add(err, "input", name, line, col, "the file has a NUL byte: it is not a text "
	            "draft (UTF-16 or binary?)");
	return 1;
}

static int check_data(session *s, const ruleset *rs, const char *data, size_t len,
                      check_report *r)
{
	const session_opts *o = s->o;

	if (refuse_binary(r->name, data, len, &r->errors))
		return -1;
	r->doc = doc_build(r->name, data, len, doc_format_for(r->name));
	if (r->doc == NULL) {
		errlist_add(&r->errors, "input", r->name, 0, 0, "out of memory");
		return -1;
	}
	r->fail_on = o->fail_on != RULE_UNSET ? (stmtlint_severity)o->fail_on
	             : rs->cfg->fail_on != RULE_UNSET ? (stmtlint_severity)rs->cfg->fail_on
	             : STMTLINT_ERROR;
	return ruleset_check_at(rs, r->doc, r->order, o->time_limit_ms, &r->diags, &r->errors);
}

int check_report_init(check_report *r, const char *name)
{
	memset(r, 0, sizeof(*r));
	diag_list_init(&r->diags);
	errlist_init(&r->errors);
	r->fail_on = STMTLINT_ERROR;
	r->order = SIZE_MAX;
	r->name = strdup(name);
	return r->name != NULL ? 0 : -1;
}

/* The session_config handed out is the rule set itself. */
struct session_config {
	ruleset rs;
};

const session_config *session_prepare(session *s, const char *config_from, const char *name,
                                       check_report *r)
{
	if (check_report_init(r, name) != 0)
		return NULL;
	return (const session_config *)ruleset_for(s, config_from, name, &r->errors);
}

int session_check_prepared_data(session *s, const session_config *c, const char *data,
                                size_t len, check_report *r)
{
	if (check_data(s, &c->rs, data, len, r) != 0)
		return -1;
	return errlist_has_error(&r->errors) ? -1 : 0;
}

int session_check_prepared_file(session *s, const session_config *c, const char *path,
                                check_report *r)
{
	char *data = NULL;
	size_t len = 0;
	char why[256];
	int rc;

	if (file_read(path, (size_t)s->o->max_size, &data, &len, why, sizeof(why)) != 0) {
		errlist_add(&r->errors, "input", r->name, 0, 0, "%s", why);
		return -1;
	}
	rc = session_check_prepared_data(s, c, data, len, r);
	free(data);
	return rc;
}

int session_check_file(session *s, const char *path, const char *name, const char *config_from,
                       check_report *r)
{
	const session_config *c = session_prepare(s, config_from, name, r);

	return c != NULL ? session_check_prepared_file(s, c, path, r) : -1;
}

int session_check_buffer(session *s, const char *name, const char *data, size_t len,
                         check_report *r)
{
	const session_config *c = session_prepare(s, name, name, r);

	return c != NULL ? session_check_prepared_data(s, c, data, len, r) : -1;
}

void session_plugin_failures(size_t *count, size_t *first_order)
{
	engine_plugin_failures(count, first_order);
}

const char *const *session_config_ignores(const session_config *c, const char **dir, size_t *n)
{
	*dir = c->rs.cfg->ignore_dir;
	*n = c->rs.cfg->n_ignore;
	return (const char *const *)c->rs.cfg->ignore;
}

void check_report_free(check_report *r)
{
	if (r == NULL)
		return;
	doc_free(r->doc);
	diag_list_free(&r->diags);
	errlist_free(&r->errors);
	free(r->name);
	memset(r, 0, sizeof(*r));
}

/* ---- rules ------------------------------------------------------------------ */

void session_each_rule(const session *s, void (*fn)(void *arg, const rule_info *rule),
                       void *arg)
{
	size_t i;
	size_t j;

	for (i = 0; i < N_CORE_RULES; i++) {
		rule_info r = { core_rules[i].id, core_rules[i].severity, core_rules[i].summary, 0,
		                core_rules[i].fixed };

		fn(arg, &r);
	}
	for (i = 0; i < s->plugins.n; i++) {
		const stmtlint_plugin *d = s->plugins.items[i].desc;
		rule_info r = { d->id, d->severity, d->summary ? d->summary : "", 0, 0 };

		fn(arg, &r);
		for (j = 0; j < d->n_checks; j++) {
			char name[160];

			snprintf(name, sizeof(name), "%s/%s", d->id, d->checks[j].id);
			r.id = name;
			r.severity = d->checks[j].severity;
			r.summary = d->checks[j].summary ? d->checks[j].summary : "";
			r.depth = 1;
			fn(arg, &r);
		}
	}
}
