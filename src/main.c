/* main.c - the stmtlint command line. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "engine.h"
#include "fileio.h"
#include "loader.h"
#include "output.h"
#include "paths.h"

#define EXIT_CLEAN 0
#define EXIT_FOUND 1
#define EXIT_TROUBLE 2

/* The default largest draft read. */
#define DEFAULT_MAX_FILE_SIZE (64ull << 20)
/* Deepest folder recursion when a folder is given. */
#define MAX_DIR_DEPTH 32

typedef struct options {
	const char *config_path;
	const char *profile;
	const char *format;
	const char *stdin_name;
	int color;
	position_unit column_unit;
	int fail_on;
	int quiet;
	int list_rules;
	int allow_repo_plugins;
	unsigned long long max_size;
	const char **plugin_dirs;
	size_t n_plugin_dirs;
	char **rules;        /* --enable / --disable, in order */
	int *rule_sev;
	size_t n_rules;
} options;

typedef struct strlist {
	char **items;
	size_t n;
} strlist;

/* One configuration met while checking, and what it became. */
typedef struct cached_ruleset {
	char *config_path;   /* "" for none */
	ruleset *rs;         /* NULL when it failed */
	plugin_set *own;     /* the plugins of a configuration that names its own, or NULL */
} cached_ruleset;

typedef struct run {
	options opt;
	config *user;            /* the user's configuration: where plugins are */
	plugin_set plugins;      /* installed, the user's, --plugin-dir */
	cached_ruleset *cache;
	size_t n_cache;
	json_report *json;
	char *last_dir;          /* the folder of the previous draft … */
	char *last_config;       /* … and the configuration found for it ("" for none) */
	size_t files;
	size_t errors;
	size_t warnings;
	size_t notes;
	int status;
} run;

static void usage(FILE *out)
{
	fputs("Usage: stmtlint [OPTION]... [FILE|DIR]...\n"
	      "Check drafts of joint statements and report what is wrong, as compilers do.\n"
	      "With no FILE, or when FILE is -, read standard input.  A DIR is searched for\n"
	      "*.txt and *.md drafts.\n"
	      "\n"
	      "  -c, --config=FILE        use this configuration (default: the nearest\n"
	      "                           .stmtlint.yaml from each draft's folder upward)\n"
	      "  -p, --profile=NAME|FILE  check with this profile (default: the configuration's,\n"
	      "                           else 'default')\n"
	      "      --enable=RULE        turn a rule (PLUGIN or PLUGIN/CHECK) on\n"
	      "      --disable=RULE       turn a rule off\n"
	      "      --fail-on=LEVEL      exit 1 on a finding at LEVEL or above: error (default),\n"
	      "                           warning or note\n"
	      "  -f, --format=FORMAT      text (default) or json\n"
	      "      --color=WHEN         auto (default), always or never; NO_COLOR is honoured\n"
	      "      --column-unit=UNIT   count the columns of text output in display columns\n"
	      "                           (default), bytes or code points: display, byte or\n"
	      "                           codepoint\n"
	      "      --stdin-filename=NAME  the name to report for standard input\n"
	      "      --plugin-dir=DIR     also load plugins from DIR\n"
	      "      --allow-repo-plugins  let a .stmtlint.yaml beside the drafts load plugins\n"
	      "                           (plugins, plugin-dirs): it then runs that code\n"
	      "      --max-file-size=BYTES  refuse larger drafts (default 64 MiB)\n"
	      "      --list-rules         list the rules with their severity and summary\n"
	      "  -q, --quiet              no summary line on standard error\n"
	      "      --version            print the version\n"
	      "  -h, --help               print this help\n"
	      "\n"
	      "Exit status: 0 nothing at or above the fail-on level, 1 something was,\n"
	      "2 something could not be checked (usage, configuration, input, plugin).\n",
	      out);
}

static int push_str(strlist *l, const char *s)
{
	char **p = realloc(l->items, (l->n + 1) * sizeof(*p));

	if (p == NULL)
		return -1;
	l->items = p;
	p[l->n] = strdup(s);
	if (p[l->n] == NULL)
		return -1;
	l->n++;
	return 0;
}

static int is_draft_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".txt") == 0) || (n > 3 && strcmp(name + n - 3, ".md") == 0);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds the drafts under `dir`, in name order, without following links. */
static int walk_dir(run *r, const char *dir, strlist *out, unsigned depth)
{
	DIR *d;
	struct dirent *e;
	strlist names = { NULL, 0 };
	size_t i;

	if (depth > MAX_DIR_DEPTH) {
		fprintf(stderr, "%s: error: folders nested deeper than %d; not searched further\n", dir,
		        MAX_DIR_DEPTH);
		r->status = EXIT_TROUBLE;
		return 0;
	}
	d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "%s: error: cannot read folder: %s\n", dir, strerror(errno));
		r->status = EXIT_TROUBLE;
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (push_str(&names, e->d_name) != 0) {
			closedir(d);
			return -1;
		}
	}
	closedir(d);
	if (names.n > 1)
		qsort(names.items, names.n, sizeof(*names.items), cmp_str);
	for (i = 0; i < names.n; i++) {
		char path[4096];
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", dir, names.items[i]);
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			walk_dir(r, path, out, depth + 1);
		else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) && is_draft_name(names.items[i]))
			push_str(out, path);
	}
	for (i = 0; i < names.n; i++)
		free(names.items[i]);
	free(names.items);
	return 0;
}

/* Loads into set the plugins every check may use: the installed folder,
 * the user's configuration, then each --plugin-dir; and those `cfg` names
 * (a configuration trusted with --allow-repo-plugins), when cfg is given.
 * Returns the number of failures, each with a line in err. */
static int load_plugins(run *r, plugin_set *set, const config *cfg, buf *err)
{
	const config *from[2] = { r->user, cfg };
	int failed = 0;
	size_t i;
	size_t k;

	if (plugins_load_dir(set, paths_plugin_dir(), err) != 0)
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
			for (i = 0; i < r->opt.n_plugin_dirs; i++)
				if (plugins_load_dir(set, r->opt.plugin_dirs[i], err) != 0)
					failed++;
	}
	return failed;
}

static ruleset *ruleset_for(run *r, const char *draft)
{
	plugin_set *own = NULL;
	const char *key;
	buf err;
	config *cfg;
	ruleset *rs;
	cached_ruleset *p;
	size_t i;

	if (r->opt.config_path != NULL) {
		key = r->opt.config_path;
	} else {
		char *dir;

		if (strcmp(draft, "-") == 0) {
			dir = strdup(".");
		} else {
			const char *slash = strrchr(draft, '/');

			dir = slash ? strndup(draft, (size_t)(slash - draft) + (slash == draft)) : strdup(".");
		}
		if (dir == NULL)
			goto oom;
		/* Drafts of one folder share its configuration: look it up once. */
		if (r->last_dir == NULL || strcmp(r->last_dir, dir) != 0) {
			char *found = config_find(dir);

			free(r->last_dir);
			free(r->last_config);
			r->last_config = strdup(found ? found : "");
			free(found);
			if (r->last_config == NULL) {
				free(dir);
				r->last_dir = NULL;
				goto oom;
			}
			r->last_dir = dir;
		} else {
			free(dir);
		}
		key = r->last_config;
	}
	for (i = 0; i < r->n_cache; i++) {
		if (strcmp(r->cache[i].config_path, key) == 0)
			return r->cache[i].rs;
	}
	buf_init(&err, 1 << 20);
	cfg = config_load(key[0] ? key : NULL, r->opt.profile, paths_data_dir(),
	                  r->opt.allow_repo_plugins ? CONFIG_ALLOW_PLUGINS : 0, &err);
	if (cfg != NULL) {
		for (i = 0; i < r->opt.n_rules; i++)
			config_add_cli_rule(cfg, r->opt.rules[i], r->opt.rule_sev[i]);
	}
	if (cfg != NULL && (cfg->n_plugin_dirs > 0 || cfg->n_plugin_files > 0)) {
		/* Its own plugins join the common ones for its drafts only. */
		own = calloc(1, sizeof(*own));
		if (own == NULL || load_plugins(r, own, cfg, &err) != 0) {
			config_free(cfg);
			cfg = NULL;
		}
	}
	rs = cfg != NULL ? ruleset_new(own != NULL ? own : &r->plugins, cfg, &err) : NULL;
	if (rs != NULL && rs->n_failed > 0) {
		/* Checked without the plugins that failed: not a full check. */
		fputs(err.data, stderr);
		r->status = EXIT_TROUBLE;
	}
	if (rs == NULL) {
		fputs(err.data ? err.data : "stmtlint: error: cannot read the configuration\n", stderr);
		r->status = EXIT_TROUBLE;
	}
	buf_free(&err);
	p = realloc(r->cache, (r->n_cache + 1) * sizeof(*p));
	if (p == NULL) {
		ruleset_free(rs);
		if (own != NULL)
			plugins_unload(own);
		free(own);
		goto oom;
	}
	r->cache = p;
	p[r->n_cache].config_path = strdup(key);
	p[r->n_cache].rs = rs;
	p[r->n_cache].own = own;
	r->n_cache++;
	return rs;
oom:
	fprintf(stderr, "%s: error: out of memory\n", draft);
	r->status = EXIT_TROUBLE;
	return NULL;
}

/* Refuses a file that is not UTF-8 text: UTF-16 (by its byte-order mark,
 * or by the NUL bytes of ASCII text in it), or any file with a NUL byte,
 * whose position it reports.  Returns 1 when refused. */
static int refuse_binary(const char *name, const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *nul = memchr(data, '\0', len);
	size_t line = 1;
	size_t col = 1;
	size_t i;

	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		fprintf(stderr, "%s:1:1: error: the file is UTF-16 (%s-endian, by its byte-order mark); "
		        "drafts must be UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8\n", name,
		        u[0] == 0xFF ? "little" : "big");
		return 1;
	}
	if (nul == NULL)
		return 0;
	if (len >= 4 && len % 2 == 0 && ((u[0] && !u[1] && u[2] && !u[3]) || (!u[0] && u[1] && !u[2] && u[3]))) {
		fprintf(stderr, "%s:1:1: error: the file looks like UTF-16 (%s-endian, no byte-order "
		        "mark); drafts must be UTF-8: convert it, e.g. iconv -f UTF-16%s -t UTF-8\n",
		        name, u[0] ? "little" : "big", u[0] ? "LE" : "BE");
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
	fprintf(stderr, "%s:%zu:%zu: error: the file has a NUL byte: it is not a text draft "
	        "(UTF-16 or binary?)\n", name, line, col);
	return 1;
}

static void check_one(run *r, const char *path)
{
	const char *name = strcmp(path, "-") == 0 ? (r->opt.stdin_name ? r->opt.stdin_name : "<stdin>")
	                                          : path;
	ruleset *rs;
	char *data = NULL;
	size_t len = 0;
	char why[256];
	sl_doc *doc;
	diag_list diags;
	buf err;
	size_t i;

	fflush(stdout);
	rs = ruleset_for(r, strcmp(path, "-") == 0 && r->opt.stdin_name ? r->opt.stdin_name : path);
	if (rs == NULL)
		return;
	if (file_read(path, (size_t)r->opt.max_size, &data, &len, why, sizeof(why)) != 0) {
		fprintf(stderr, "%s: error: %s\n", name, why);
		r->status = EXIT_TROUBLE;
		return;
	}
	if (refuse_binary(name, data, len)) {
		free(data);
		r->status = EXIT_TROUBLE;
		return;
	}
	doc = doc_build(name, data, len, doc_format_for(name));
	free(data);
	if (doc == NULL) {
		fprintf(stderr, "%s: error: out of memory\n", name);
		r->status = EXIT_TROUBLE;
		return;
	}
	diag_list_init(&diags);
	buf_init(&err, 1 << 20);
	if (ruleset_check(rs, doc, &diags, &err) != 0)
		r->status = EXIT_TROUBLE;
	if (err.len > 0)
		fputs(err.data, stderr);
	buf_free(&err);
	r->files++;
	for (i = 0; i < diags.n; i++) {
		stmtlint_severity s = diags.items[i]->severity;
		int fail_on = r->opt.fail_on != RULE_UNSET ? r->opt.fail_on
		              : rs->cfg->fail_on != RULE_UNSET ? rs->cfg->fail_on : STMTLINT_ERROR;

		if (s == STMTLINT_ERROR)
			r->errors++;
		else if (s == STMTLINT_WARNING)
			r->warnings++;
		else
			r->notes++;
		if ((int)s >= fail_on && r->status == EXIT_CLEAN)
			r->status = EXIT_FOUND;
	}
	if (r->json != NULL) {
		output_json_add(r->json, name, &doc->pub, &diags);
	} else {
		output_opts o = { r->opt.color, r->opt.column_unit };

		output_text(stdout, &o, &doc->pub, &diags);
	}
	diag_list_free(&diags);
	doc_free(doc);
}

static void list_rules(const plugin_set *ps)
{
	size_t i;
	size_t j;

	for (i = 0; i < ps->n; i++) {
		const stmtlint_plugin *d = ps->items[i].desc;

		printf("%-28s %-8s %s\n", d->id, severity_name(d->severity), d->summary ? d->summary : "");
		for (j = 0; j < d->n_checks; j++) {
			char name[160];

			snprintf(name, sizeof(name), "%s/%s", d->id, d->checks[j].id);
			printf("  %-26s %-8s %s\n", name, severity_name(d->checks[j].severity),
			       d->checks[j].summary ? d->checks[j].summary : "");
		}
	}
}

static int add_rule(options *o, const char *rule, int sev)
{
	char **p = realloc(o->rules, (o->n_rules + 1) * sizeof(*p));
	int *q;

	if (p == NULL)
		return -1;
	o->rules = p;
	q = realloc(o->rule_sev, (o->n_rules + 1) * sizeof(*q));
	if (q == NULL)
		return -1;
	o->rule_sev = q;
	o->rules[o->n_rules] = (char *)rule;
	o->rule_sev[o->n_rules] = sev;
	o->n_rules++;
	return 0;
}

enum { OPT_ENABLE = 256, OPT_DISABLE, OPT_FAIL_ON, OPT_COLOR, OPT_LIST_RULES, OPT_PLUGIN_DIR,
       OPT_VERSION, OPT_STDIN_NAME, OPT_MAX_SIZE, OPT_ALLOW_REPO_PLUGINS, OPT_COLUMN_UNIT };

static const struct option long_options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "profile", required_argument, NULL, 'p' },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "format", required_argument, NULL, 'f' },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "column-unit", required_argument, NULL, OPT_COLUMN_UNIT },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR },
	{ "allow-repo-plugins", no_argument, NULL, OPT_ALLOW_REPO_PLUGINS },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_NAME },
	{ "max-file-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "quiet", no_argument, NULL, 'q' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* Parses the command line into r->opt; returns -1 (after a message) on a usage error,
 * 1 when the program is done (--help, --version). */
static int parse_args(run *r, int argc, char **argv)
{
	options *o = &r->opt;
	const char *color = "auto";
	int c;

	o->fail_on = RULE_UNSET;
	o->format = "text";
	o->max_size = DEFAULT_MAX_FILE_SIZE;
	while ((c = getopt_long(argc, argv, "c:p:f:qh", long_options, NULL)) != -1) {
		switch (c) {
		case 'c':
			o->config_path = optarg;
			break;
		case 'p':
			o->profile = optarg;
			break;
		case 'f':
			o->format = optarg;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return 1;
		case OPT_VERSION:
			printf("stmtlint %s (plugin ABI %u)\n", PACKAGE_VERSION, STMTLINT_ABI_VERSION);
			return 1;
		case OPT_ENABLE:
		case OPT_DISABLE:
			if (add_rule(o, optarg, c == OPT_ENABLE ? RULE_ON : STMTLINT_OFF) != 0)
				return -1;
			break;
		case OPT_FAIL_ON:
			o->fail_on = severity_parse(optarg, -1);
			if (o->fail_on <= STMTLINT_OFF) {
				fprintf(stderr, "stmtlint: error: --fail-on takes error, warning or note, not '%s'\n",
				        optarg);
				return -1;
			}
			break;
		case OPT_COLOR:
			color = optarg;
			break;
		case OPT_COLUMN_UNIT: {
			int unit = position_unit_parse(optarg);

			if (unit < 0) {
				fprintf(stderr, "stmtlint: error: --column-unit takes display, byte or codepoint, not '%s'\n",
				        optarg);
				return -1;
			}
			o->column_unit = (position_unit)unit;
			break;
		}
		case OPT_LIST_RULES:
			o->list_rules = 1;
			break;
		case OPT_PLUGIN_DIR: {
			const char **p = realloc(o->plugin_dirs, (o->n_plugin_dirs + 1) * sizeof(*p));

			if (p == NULL)
				return -1;
			o->plugin_dirs = p;
			p[o->n_plugin_dirs++] = optarg;
			break;
		}
		case OPT_ALLOW_REPO_PLUGINS:
			o->allow_repo_plugins = 1;
			break;
		case OPT_STDIN_NAME:
			o->stdin_name = optarg;
			break;
		case OPT_MAX_SIZE: {
			char *end;

			o->max_size = strtoull(optarg, &end, 10);
			if (*end != '\0' || o->max_size == 0) {
				fprintf(stderr, "stmtlint: error: --max-file-size takes a number of bytes\n");
				return -1;
			}
			break;
		}
		default:
			fputs("Try 'stmtlint --help'.\n", stderr);
			return -1;
		}
	}
	if (strcmp(o->format, "text") != 0 && strcmp(o->format, "json") != 0) {
		fprintf(stderr, "stmtlint: error: --format takes text or json, not '%s'\n", o->format);
		return -1;
	}
	if (strcmp(color, "always") == 0) {
		o->color = 1;
	} else if (strcmp(color, "never") == 0) {
		o->color = 0;
	} else if (strcmp(color, "auto") == 0) {
		const char *nc = getenv("NO_COLOR");
		const char *term = getenv("TERM");

		o->color = isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0') &&
		           (term == NULL || strcmp(term, "dumb") != 0);
	} else {
		fprintf(stderr, "stmtlint: error: --color takes auto, always or never, not '%s'\n", color);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	run r;
	buf err;
	strlist inputs = { NULL, 0 };
	char *user_path;
	size_t i;
	int rc;

	memset(&r, 0, sizeof(r));
	rc = parse_args(&r, argc, argv);
	if (rc != 0) {
		free(r.opt.plugin_dirs);
		free(r.opt.rules);
		free(r.opt.rule_sev);
		return rc > 0 ? EXIT_CLEAN : EXIT_TROUBLE;
	}
	buf_init(&err, 1 << 20);
	user_path = config_user_path();
	if (user_path != NULL) {
		r.user = config_load_user(user_path, &err);
		if (r.user == NULL)
			r.status = EXIT_TROUBLE;
		free(user_path);
	}
	if (load_plugins(&r, &r.plugins, NULL, &err) != 0)
		r.status = EXIT_TROUBLE;
	if (err.len > 0)
		fputs(err.data, stderr);
	buf_free(&err);
	if (r.opt.list_rules) {
		list_rules(&r.plugins);
		goto done;
	}
	if (optind >= argc) {
		push_str(&inputs, "-");
	}
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		struct stat st;

		if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = inputs.n;

			walk_dir(&r, argv[i], &inputs, 0);
			if (inputs.n == before) {
				fprintf(stderr, "%s: error: no drafts (*.txt, *.md) in this folder\n", argv[i]);
				r.status = EXIT_TROUBLE;
			}
		} else
			push_str(&inputs, argv[i]);
	}
	if (strcmp(r.opt.format, "json") == 0)
		r.json = output_json_new();
	for (i = 0; i < inputs.n; i++)
		check_one(&r, inputs.items[i]);
	if (r.json != NULL)
		output_json_finish(r.json, stdout, r.files, r.errors, r.warnings, r.notes);
	fflush(stdout);
	if (!r.opt.quiet)
		fprintf(stderr, "stmtlint: %zu error%s, %zu warning%s, %zu note%s in %zu file%s%s\n",
		        r.errors, r.errors == 1 ? "" : "s", r.warnings, r.warnings == 1 ? "" : "s",
		        r.notes, r.notes == 1 ? "" : "s", r.files, r.files == 1 ? "" : "s",
		        inputs.n > r.files ? " (some could not be checked)" : "");
done:
	fflush(stdout);
	for (i = 0; i < inputs.n; i++)
		free(inputs.items[i]);
	free(inputs.items);
	for (i = 0; i < r.n_cache; i++) {
		ruleset_free(r.cache[i].rs);
		if (r.cache[i].own != NULL)
			plugins_unload(r.cache[i].own);
		free(r.cache[i].own);
		free(r.cache[i].config_path);
	}
	free(r.cache);
	free(r.last_dir);
	free(r.last_config);
	plugins_unload(&r.plugins);
	config_free(r.user);
	free(r.opt.plugin_dirs);
	free(r.opt.rules);
	free(r.opt.rule_sev);
	return r.status;
}
