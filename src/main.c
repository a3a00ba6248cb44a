/* main.c - the stmtlint command line: options, the outputs, the exit status.
 * Checking goes through the session (session.h); this file holds no
 * configuration or plugin logic. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "errlist.h"
#include "guard.h"
#include "lsp.h"
#include "output.h"
#include "run.h"
#include "session.h"
#include "sink.h"

#define EXIT_CLEAN 0
#define EXIT_FOUND 1
#define EXIT_TROUBLE 2

/* The default largest draft read, and the largest --max-file-size. */
#define DEFAULT_MAX_FILE_SIZE (64ull << 20)
#define MAX_MAX_FILE_SIZE (1ull << 40)
/* The plugins' time for one draft, by default and at most (seconds). */
#define DEFAULT_TIME_LIMIT_S 30
#define MAX_TIME_LIMIT_S 86400

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
	int lsp;              /* --lsp: serve an editor instead */
	int allow_repo_plugins;
	unsigned long long max_size;
	unsigned long time_limit_ms;
	const char **plugin_dirs;
	size_t n_plugin_dirs;
	const char **rules;  /* --enable / --disable, in order */
	int *rule_sev;
	size_t n_rules;
	unsigned jobs;       /* -j */
	const char **excludes;  /* --exclude, in order */
	size_t n_excludes;
	fix_mode fix;        /* --fix, --diff */
} options;

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
	      "  -f, --format=FORMAT      text (default), json, sarif (SARIF 2.1.0, for code\n"
	      "                           scanning), github (GitHub Actions annotations) or\n"
	      "                           html (one self-contained page of every draft)\n"
	      "      --color=WHEN         auto (default), always or never; NO_COLOR is honoured\n"
	      "      --column-unit=UNIT   count the columns of text output in display columns\n"
	      "                           (default), bytes or code points: display, byte or\n"
	      "                           codepoint\n"
	      "      --stdin-filename=NAME  the name to report for standard input\n"
	      "      --plugin-dir=DIR     also load plugins from DIR\n"
	      "      --allow-repo-plugins  let a .stmtlint.yaml beside the drafts load plugins\n"
	      "                           (plugins, plugin-dirs): it then runs that code\n"
	      "      --max-file-size=BYTES  refuse larger drafts (default 64 MiB)\n"
	      "      --time-limit=SECONDS  stop a plugin still checking a draft after this\n"
	      "                           long and report it (default 30; 0: no limit)\n"
	      "      --fix                apply the certain fix-its (never a guess), check again,\n"
	      "                           repeat; replace each file atomically (standard input:\n"
	      "                           write the fixed text to standard output)\n"
	      "      --diff               print the fixes --fix would make as a unified diff\n"
	      "                           (for patch -p1); change nothing\n"
	      "  -j, --jobs=N             check N drafts at once (default: the processors)\n"
	      "      --exclude=PATTERN    leave out drafts found in folders that PATTERN\n"
	      "                           matches (a glob; repeatable); named files are checked\n"
	      "      --list-rules         list the rules with their severity and summary\n"
	      "      --lsp                be a language server for an editor (LSP over stdio)\n"
	      "  -q, --quiet              no summary line on standard error\n"
	      "      --version            print the version\n"
	      "  -h, --help               print this help\n"
	      "\n"
	      "Exit status: 0 nothing at or above the fail-on level, 1 something was,\n"
	      "2 something could not be checked (usage, configuration, input, plugin).\n",
	      out);
}

static int add_rule(options *o, const char *rule, int sev)
{
	const char **p = realloc(o->rules, (o->n_rules + 1) * sizeof(*p));
	int *q;

	if (p == NULL)
		return -1;
	o->rules = p;
	q = realloc(o->rule_sev, (o->n_rules + 1) * sizeof(*q));
	if (q == NULL)
		return -1;
	o->rule_sev = q;
	o->rules[o->n_rules] = rule;
	o->rule_sev[o->n_rules] = sev;
	o->n_rules++;
	return 0;
}

enum { OPT_ENABLE = 256, OPT_DISABLE, OPT_FAIL_ON, OPT_COLOR, OPT_LIST_RULES, OPT_PLUGIN_DIR,
       OPT_VERSION, OPT_STDIN_NAME, OPT_MAX_SIZE, OPT_ALLOW_REPO_PLUGINS, OPT_TIME_LIMIT,
       OPT_COLUMN_UNIT, OPT_FIX, OPT_DIFF, OPT_EXCLUDE, OPT_LSP };

static const struct option long_options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "profile", required_argument, NULL, 'p' },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "format", required_argument, NULL, 'f' },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR },
	{ "allow-repo-plugins", no_argument, NULL, OPT_ALLOW_REPO_PLUGINS },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_NAME },
	{ "max-file-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "time-limit", required_argument, NULL, OPT_TIME_LIMIT },
	{ "column-unit", required_argument, NULL, OPT_COLUMN_UNIT },
	{ "lsp", no_argument, NULL, OPT_LSP },
	{ "fix", no_argument, NULL, OPT_FIX },
	{ "diff", no_argument, NULL, OPT_DIFF },
	{ "jobs", required_argument, NULL, 'j' },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "quiet", no_argument, NULL, 'q' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* A whole number of bytes in [1, MAX_MAX_FILE_SIZE]: digits only, so that
 * "-1" or an overflow is not taken for "no limit".  Returns 0 or -1. */
static int parse_size(const char *s, unsigned long long *out)
{
	unsigned long long v = 0;
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9' || v > MAX_MAX_FILE_SIZE)
			return -1;
		v = v * 10 + (unsigned long long)(s[i] - '0');
	}
	if (i == 0 || v == 0 || v > MAX_MAX_FILE_SIZE)
		return -1;
	*out = v;
	return 0;
}

/* Seconds, possibly with a fraction ("0.5"), in [0, MAX_TIME_LIMIT_S], as
 * milliseconds.  Returns 0 or -1. */
static int parse_seconds(const char *s, unsigned long *ms)
{
	char *end;
	double v;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	v = strtod(s, &end);
	if (*end != '\0' || !(v >= 0) || v > MAX_TIME_LIMIT_S)
		return -1;
	*ms = (unsigned long)(v * 1000 + 0.5);
	if (v > 0 && *ms == 0)
		*ms = 1;
	return 0;
}

/* Appends an option's argument to a list of them.  Returns 0, or -1 when
 * out of memory. */
static int push_arg(const char ***list, size_t *n, const char *arg)
{
	const char **p = realloc(*list, (*n + 1) * sizeof(*p));

	if (p == NULL)
		return -1;
	*list = p;
	p[(*n)++] = arg;
	return 0;
}

/* The processors online, at most RUN_MAX_JOBS; 1 when unknown. */
static unsigned default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1u : n > RUN_MAX_JOBS ? (unsigned)RUN_MAX_JOBS : (unsigned)n;
}

/* A whole number of threads in [1, RUN_MAX_JOBS].  Returns 0 or -1. */
static int parse_jobs(const char *s, unsigned *out)
{
	unsigned long long v;

	if (parse_size(s, &v) != 0 || v > RUN_MAX_JOBS)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/* Whether "-" is among the operands more than once. */
static int stdin_named_twice(int argc, char **argv)
{
	int seen = 0;
	int i;

	for (i = optind; i < argc; i++)
		seen += strcmp(argv[i], "-") == 0;
	return seen > 1;
}

/* Parses the command line into *o; returns -1 (after a message) on a usage error,
 * 1 when the program is done (--help, --version). */
static int parse_args(options *o, int argc, char **argv)
{
	const char *color = "auto";
	int c;

	o->fail_on = RULE_UNSET;
	o->format = "text";
	o->max_size = DEFAULT_MAX_FILE_SIZE;
	o->time_limit_ms = DEFAULT_TIME_LIMIT_S * 1000ul;
	o->jobs = default_jobs();
	while ((c = getopt_long(argc, argv, "c:p:f:j:qh", long_options, NULL)) != -1) {
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
			printf("stmtlint %s (plugin ABI %u.%u)\n", PACKAGE_VERSION, STMTLINT_ABI_MAJOR,
			       STMTLINT_ABI_MINOR);
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
				fprintf(stderr, "stmtlint: error: --column-unit takes display, byte or codepoint, "
				        "not '%s'\n", optarg);
				return -1;
			}
			o->column_unit = (position_unit)unit;
			break;
		}
		case OPT_LIST_RULES:
			o->list_rules = 1;
			break;
		case OPT_LSP:
			o->lsp = 1;
			break;
		case OPT_PLUGIN_DIR:
			if (push_arg(&o->plugin_dirs, &o->n_plugin_dirs, optarg) != 0)
				return -1;
			break;
		case OPT_FIX:
		case OPT_DIFF:
			if (o->fix != FIX_NONE && o->fix != (c == OPT_FIX ? FIX_WRITE : FIX_DIFF)) {
				fputs("stmtlint: error: --fix and --diff cannot be used together\n", stderr);
				return -1;
			}
			o->fix = c == OPT_FIX ? FIX_WRITE : FIX_DIFF;
			break;
		case 'j':
			if (parse_jobs(optarg, &o->jobs) != 0) {
				fprintf(stderr, "stmtlint: error: --jobs takes a number from 1 to %d, not "
				        "'%s'\n", RUN_MAX_JOBS, optarg);
				return -1;
			}
			break;
		case OPT_EXCLUDE:
			if (push_arg(&o->excludes, &o->n_excludes, optarg) != 0)
				return -1;
			break;
		case OPT_ALLOW_REPO_PLUGINS:
			o->allow_repo_plugins = 1;
			break;
		case OPT_STDIN_NAME:
			o->stdin_name = optarg;
			break;
		case OPT_MAX_SIZE:
			if (parse_size(optarg, &o->max_size) != 0) {
				fprintf(stderr, "stmtlint: error: --max-file-size takes a number of bytes "
				        "from 1 to %llu, not '%s'\n", MAX_MAX_FILE_SIZE, optarg);
				return -1;
			}
			break;
		case OPT_TIME_LIMIT:
			if (parse_seconds(optarg, &o->time_limit_ms) != 0) {
				fprintf(stderr, "stmtlint: error: --time-limit takes seconds from 0 (no "
				        "limit) to %d, not '%s'\n", MAX_TIME_LIMIT_S, optarg);
				return -1;
			}
			break;
		default:
			fputs("Try 'stmtlint --help'.\n", stderr);
			return -1;
		}
	}
	if (o->lsp && optind < argc) {
		fprintf(stderr, "stmtlint: error: --lsp takes no FILE: the editor sends the drafts\n");
		return -1;
	}
	if (o->lsp && (o->fix != FIX_NONE || o->n_excludes > 0)) {
		fprintf(stderr, "stmtlint: error: --lsp takes no --fix, --diff or --exclude: the "
		        "editor applies fixes and chooses the drafts\n");
		return -1;
	}
	if (o->config_path != NULL && strcmp(o->config_path, "-") == 0) {
		fprintf(stderr, "stmtlint: error: --config takes a file; standard input ('-') is "
		        "for a draft\n");
		return -1;
	}
	if (!sink_format_known(o->format)) {
		fprintf(stderr, "stmtlint: error: --format takes %s, not '%s'\n", sink_format_names,
		        o->format);
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

/* Whether standard output was closed when the program started. */
static int stdout_was_closed;

/* Opens /dev/null on standard input, output or error when one is closed,
 * so that no file the run opens takes its number (and gets the output
 * written into it); a closed standard output is still an error at the end. */
static void protect_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		if (fd == STDOUT_FILENO)
			stdout_was_closed = 1;
		if (open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
			_exit(EXIT_TROUBLE);
	}
}

/* Flushes standard output and says whether everything written reached it:
 * a full disk, a closed pipe or a closed standard output is an error, exit
 * status 2, never a clean run that printed nothing. */
static int output_ok(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout) && !stdout_was_closed)
		return 1;
	fprintf(stderr, "stmtlint: error: cannot write to standard output: %s\n",
	        stdout_was_closed ? "it is closed" : strerror(errno ? errno : EIO));
	return 0;
}

static void print_rule(void *arg, const rule_info *r)
{
	(void)arg;
	if (r->depth == 0)
		printf("%-28s %-8s %s%s\n", r->id, severity_name(r->severity), r->summary,
		       r->fixed ? " (always on)" : "");
	else
		printf("  %-26s %-8s %s\n", r->id, severity_name(r->severity), r->summary);
}

/* Whether the operands ask --fix to read standard input among other drafts,
 * whose output would mix with the fixed text. */
static int fix_stdin_among_others(const options *o, int argc, char **argv)
{
	int i;

	if (o->fix != FIX_WRITE || argc - optind < 2)
		return 0;
	for (i = optind; i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			return 1;
	return 0;
}

/* The format the sink writes: --diff and --fix of standard input write
 * text of their own on standard output, so the findings' format must add
 * nothing there (the text format's errors go to standard error). */
static const char *sink_format(const options *o, int argc, char **argv)
{
	int only_stdin = argc - optind == 0 || (argc - optind == 1 && strcmp(argv[optind], "-") == 0);

	if (o->fix == FIX_DIFF || (o->fix == FIX_WRITE && only_stdin))
		return "text";
	return o->format;
}

static void free_options(options *o)
{
	free(o->plugin_dirs);
	free(o->rules);
	free(o->rule_sev);
	free(o->excludes);
}

int main(int argc, char **argv)
{
	options *o;
	session_opts so;
	session *s;
	errlist err;
	output_opts oo;
	run_opts ro;
	run_totals t;
	sink *k = NULL;
	int rc;
	options opt;

	memset(&opt, 0, sizeof(opt));
	memset(&t, 0, sizeof(t));
	o = &opt;
	protect_std_fds();
	rc = parse_args(o, argc, argv);
	if (rc == 0 && stdin_named_twice(argc, argv)) {
		fputs("stmtlint: error: standard input ('-') is named more than once; it can be "
		      "read only once\n", stderr);
		rc = -1;
	}
	if (rc == 0 && fix_stdin_among_others(o, argc, argv)) {
		fputs("stmtlint: error: --fix writes the fixed standard input to standard output: "
		      "name no other draft with '-'\n", stderr);
		rc = -1;
	}
	if (rc != 0) {
		free_options(o);
		if (rc > 0)
			return output_ok() ? EXIT_CLEAN : EXIT_TROUBLE;
		return EXIT_TROUBLE;
	}
	memset(&so, 0, sizeof(so));
	so.config_path = o->config_path;
	so.profile = o->profile;
	so.plugin_dirs = o->plugin_dirs;
	so.n_plugin_dirs = o->n_plugin_dirs;
	so.rules = o->rules;
	so.rule_severity = o->rule_sev;
	so.n_rules = o->n_rules;
	so.allow_repo_plugins = o->allow_repo_plugins;
	so.max_size = o->max_size;
	so.fail_on = o->fail_on;
	so.time_limit_ms = o->time_limit_ms;
	if (o->lsp) {
		rc = lsp_serve(&so, STDIN_FILENO, STDOUT_FILENO);
		guard_thread_end();   /* the signal stack of checks run on this thread */
		free_options(o);
		return rc;
	}
	errlist_init(&err);
	s = session_new(&so, &err);
	oo.color = o->color;
	oo.column_unit = o->column_unit;
	if (s != NULL && !o->list_rules)
		k = sink_new(sink_format(o, argc, argv), stdout, &oo, s);
	if (s == NULL || (k == NULL && !o->list_rules)) {
		fputs("stmtlint: error: out of memory\n", stderr);
		session_free(s);
		errlist_free(&err);
		free_options(o);
		return EXIT_TROUBLE;
	}
	if (o->list_rules) {
		session_each_rule(s, print_rule, NULL);
		sink_print_errors(&err);
		run_tally_errors(&t, &err);
	} else {
		memset(&ro, 0, sizeof(ro));
		ro.jobs = o->jobs;
		ro.excludes = o->excludes;
		ro.n_excludes = o->n_excludes;
		ro.fix = o->fix;
		ro.max_size = o->max_size;
		ro.stdin_name = o->stdin_name;
		ro.progress = !o->quiet && isatty(STDERR_FILENO);
		ro.quiet = o->quiet;
		run_drafts(s, &ro, argv + optind, (size_t)(argc - optind), &err, k, &t);
		guard_thread_end();   /* the signal stack of checks run on this thread */
		k->finish(k, &t.counts);
		if (!o->quiet)
			fprintf(stderr, "stmtlint: %zu error%s, %zu warning%s, %zu note%s in %zu file%s%s\n",
			        t.counts.errors, t.counts.errors == 1 ? "" : "s", t.counts.warnings,
			        t.counts.warnings == 1 ? "" : "s", t.counts.notes,
			        t.counts.notes == 1 ? "" : "s", t.counts.files,
			        t.counts.files == 1 ? "" : "s",
			        t.inputs > t.counts.files ? " (some could not be checked)" : "");
	}
	if (!output_ok())
		t.status = EXIT_TROUBLE;
	session_free(s);
	errlist_free(&err);
	free_options(o);
	return t.status;
}
