/* config.c - .stmtlint.yaml files and profiles, read into rule settings. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datafiles.h"
#include "diag.h"

#define MAX_PROFILE_DEPTH 8

static const char *const config_keys[] = {
	"profile", "language", "fail-on", "rules", "dictionaries", "plugins", "plugin-dirs",
	"ignore"
};
static const char *const user_config_keys[] = {
	"plugins", "plugin-dirs"
};
static const char *const profile_keys[] = {
	"description", "extends", "include", "rules", "data"
};

size_t edit_distance(const char *a, const char *b)
{
	size_t al = strlen(a);
	size_t bl = strlen(b);
	size_t row[EDIT_DISTANCE_MAX + 2];
	size_t x;
	size_t y;

	if (al > EDIT_DISTANCE_MAX || bl > EDIT_DISTANCE_MAX)
		return (size_t)-1;
	for (x = 0; x <= bl; x++)
		row[x] = x;
	for (y = 1; y <= al; y++) {
		size_t diag = row[0];

		row[0] = y;
		for (x = 1; x <= bl; x++) {
			size_t up = row[x];
			size_t v = diag + (a[y - 1] == b[x - 1] ? 0 : 1);

			if (row[x] + 1 < v)
				v = row[x] + 1;
			if (row[x - 1] + 1 < v)
				v = row[x - 1] + 1;
			row[x] = v;
			diag = up;
		}
	}
	return row[bl];
}

const char *closest_word(const char *word, const char *const *cands, size_t n)
{
	size_t best = (size_t)-1;
	const char *best_word = NULL;
	size_t wl = strlen(word);
	size_t most = wl < 4 ? 1 : wl / 3 + 1;   /* the farthest a suggestion may be */
	size_t i;

	if (wl > EDIT_DISTANCE_MAX)
		return NULL;
	for (i = 0; i < n; i++) {
		size_t cl = strlen(cands[i]);
		size_t d;

		/* the distance is at least the difference in length */
		if (cl > EDIT_DISTANCE_MAX || cl > wl + most || wl > cl + most)
			continue;
		d = edit_distance(word, cands[i]);
		if (d < best) {
			best = d;
			best_word = cands[i];
		}
	}
	if (best_word == NULL || best >= wl || best > most)
		return NULL;
	return best_word;
}

static int key_known(const char *key, const char *const *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

static void unknown_key(errlist *err, const struct stmtlint_node *key, const char *what,
                        const char *const *cands, size_t n)
{
	const char *near = closest_word(key->scalar, cands, n);

	if (near != NULL)
		yt_error(err, key, "unknown %s '%s'; did you mean '%s'?", what, key->scalar, near);
	else
		yt_error(err, key, "unknown %s '%s'", what, key->scalar);
}

static int keep_doc(config *cfg, yt_doc *doc);

/* Loads a YAML file whose top level must be a mapping with only the keys
 * `keys` (naming them `what` in errors), keeps it in cfg, and sets *root to
 * its top level (NULL for an empty file).  The file is read from `real`,
 * its resolved and checked path, without following links, and named
 * `path`; a NULL real reads `path` as it is (the user's own files).
 * Returns 0, or -1 after errors. */
static int load_mapping(config *cfg, const char *path, const char *real, const char *what,
                        const char *const *keys, size_t n_keys,
                        const struct stmtlint_node **root, errlist *err)
{
	yt_doc *doc = real != NULL ? yt_load_resolved(real, path, err) : yt_load_file(path, err);
	size_t i;
	int rc = 0;

	*root = NULL;
	if (doc == NULL || keep_doc(cfg, doc) != 0)
		return -1;
	if (doc->root == NULL)
		return 0;
	if (doc->root->kind != STMTLINT_NODE_MAPPING) {
		yt_error(err, doc->root, "the top level must be a mapping of keys to values");
		return -1;
	}
	for (i = 0; i < doc->root->n; i++) {
		if (!key_known(doc->root->keys[i]->scalar, keys, n_keys)) {
			unknown_key(err, doc->root->keys[i], what, keys, n_keys);
			rc = -1;
		}
	}
	*root = doc->root;
	return rc;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

static char *join(const char *dir, const char *name)
{
	size_t n;
	char *p;

	if (name[0] == '/')
		return strdup(name);
	n = strlen(dir) + strlen(name) + 2;
	p = malloc(n);
	if (p != NULL)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* Whether `real` is `dir` or inside it. */
static int path_inside(const char *real, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return 1;
	return strncmp(real, dir, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

/* The files read so far on one path from the configuration down its
 * profiles, resolved: a file met twice on it is a loop. */
typedef struct file_chain {
	char *real[MAX_PROFILE_DEPTH + 2];
	size_t n;
} file_chain;

/* Resolves `path`, a file that `at` names as `what` ("profile", "rule
 * data", …), once, and refuses it when a repository's configuration may not
 * name it (it resolves outside the repository and the rule data folder) or
 * when it loops back to a file on `chain` (NULL: none), or when it cannot
 * be resolved (a link whose target path is too long, say).  Sets *real to
 * the resolved path, which the caller frees and reads the file from; NULL
 * when the file does not exist (reading it reports that).  Returns 0, or
 * -1 after an error. */
static int resolve_named(const config *cfg, const file_chain *chain, const char *path,
                         const struct stmtlint_node *at, const char *what, char **real, errlist *err)
{
	const char *name = at != NULL && at->scalar != NULL ? at->scalar : path;
	size_t i;

	*real = realpath(path, NULL);
	if (*real == NULL && errno == ENOENT)
		return 0;
	if (*real == NULL) {
		/* a link too long or looping to resolve: where it leads is unknown */
		yt_error(err, at, "%s '%s' cannot be resolved (%s); it is not read", what, name,
		         strerror(errno));
		return -1;
	}
	if (cfg->repo_root != NULL && !path_inside(*real, cfg->repo_root) &&
	    (cfg->data_root == NULL || !path_inside(*real, cfg->data_root))) {
		yt_error(err, at, "%s '%s' resolves to %s, outside the repository (%s) and the rule "
		         "folders; a repository's configuration may only name files inside them",
		         what, name, *real, cfg->repo_root);
		goto refuse;
	}
	for (i = 0; chain != NULL && i < chain->n; i++) {
		if (strcmp(chain->real[i], *real) == 0) {
			yt_error(err, at, "%s '%s' loops back to %s, which leads here", what, name, *real);
			goto refuse;
		}
	}
	return 0;
refuse:
	free(*real);
	*real = NULL;
	return -1;
}

/* The repository that holds the configuration file `path`: the nearest
 * folder upward with a .git, else the file's own folder.  Resolved and
 * malloc'ed, or NULL. */
char *config_repo_root(const char *folder)
{
	char *real = realpath(folder, NULL);
	char *dir;
	char *p;

	if (real == NULL)
		return NULL;
	dir = strdup(real);
	for (;;) {
		char probe[PATH_MAX + 8];
		struct stat st;

		snprintf(probe, sizeof(probe), "%s/.git", real);
		if (stat(probe, &st) == 0) {
			free(dir);
			dir = strdup(real[0] ? real : "/");
			break;
		}
		p = strrchr(real, '/');
		if (p == NULL || real[0] == '\0')
			break;
		*p = '\0';
	}
	free(real);
	return dir;
}

static char *repo_root_of(const char *path)
{
	char *folder = dir_of(path);
	char *root = folder != NULL ? config_repo_root(folder) : NULL;

	free(folder);
	return root;
}

static int keep_doc(config *cfg, yt_doc *doc)
{
	yt_doc **p = realloc(cfg->docs, (cfg->n_docs + 1) * sizeof(*p));

	if (p == NULL) {
		yt_free(doc);
		return -1;
	}
	cfg->docs = p;
	p[cfg->n_docs++] = doc;
	return 0;
}

static rule_setting *new_rule(config *cfg, const char *rule, int severity,
                              const struct stmtlint_node *at)
{
	rule_setting *p = realloc(cfg->rules, (cfg->n_rules + 1) * sizeof(*p));
	rule_setting *r;

	if (p == NULL)
		return NULL;
	cfg->rules = p;
	r = &p[cfg->n_rules];
	memset(r, 0, sizeof(*r));
	r->rule = strdup(rule);
	if (r->rule == NULL)
		return NULL;
	r->severity = severity;
	r->at = at;
	cfg->n_rules++;
	return r;
}

/* Reads one "rules:"-style mapping (or one rule-data file's top level when
 * options_only) into settings. */
static int read_rules(config *cfg, const struct stmtlint_node *map, int options_only, errlist *err)
{
	size_t i;
	int failed = 0;

	if (map == NULL)
		return 0;
	if (map->kind != STMTLINT_NODE_MAPPING) {
		yt_error(err, map, "expected a mapping of rule names to settings");
		return -1;
	}
	for (i = 0; i < map->n; i++) {
		const struct stmtlint_node *key = map->keys[i];
		const struct stmtlint_node *val = map->items[i];
		rule_setting *r;
		size_t j;

		if (val->kind == STMTLINT_NODE_SCALAR) {
			int sev;

			if (options_only) {
				yt_error(err, val, "rule data for '%s' must be a mapping of options", key->scalar);
				failed = 1;
				continue;
			}
			sev = severity_parse(val->scalar, RULE_ON);
			if (sev == -1) {
				yt_error(err, val, "'%s' is not a severity: use off, on, note, warning or error",
				         val->scalar);
				failed = 1;
				continue;
			}
			if (new_rule(cfg, key->scalar, sev, key) == NULL)
				return -1;
			continue;
		}
		if (val->kind != STMTLINT_NODE_MAPPING) {
			yt_error(err, val, "the setting of '%s' must be a severity or a mapping", key->scalar);
			failed = 1;
			continue;
		}
		r = new_rule(cfg, key->scalar, options_only ? RULE_UNSET : RULE_ON, key);
		if (r == NULL)
			return -1;
		r->options_only = options_only;
		r->options = calloc(val->n ? val->n : 1, sizeof(*r->options));
		if (r->options == NULL)
			return -1;
		for (j = 0; j < val->n; j++) {
			if (strcmp(val->keys[j]->scalar, "severity") == 0 && !options_only) {
				int sev = val->items[j]->kind == STMTLINT_NODE_SCALAR
				              ? severity_parse(val->items[j]->scalar, RULE_ON) : -1;

				if (sev == -1) {
					yt_error(err, val->items[j],
					         "severity must be off, on, note, warning or error");
					failed = 1;
				}
				r->severity = sev;
				continue;
			}
			r->options[r->n_options].name = val->keys[j]->scalar;
			r->options[r->n_options].key = val->keys[j];
			r->options[r->n_options].value = val->items[j];
			r->n_options++;
		}
	}
	return failed ? -1 : 0;
}

/* The file of a profile named `name` (a name in data_dir/profiles, or a
 * path relative to `base_dir`). */
static char *profile_file(const char *name, const char *base_dir, const char *data_dir)
{
	size_t n = strlen(name);
	char *p;

	if (strchr(name, '/') != NULL || (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(name + n - 4, ".yml") == 0))
		return join(base_dir, name);
	n = strlen(data_dir) + strlen(name) + 32;
	p = malloc(n);
	if (p != NULL)
		snprintf(p, n, "%s/profiles/%s.yaml", data_dir, name);
	return p;
}

static int scalar_or_error(const struct stmtlint_node *n, const char *what, errlist *err)
{
	if (n->kind != STMTLINT_NODE_SCALAR) {
		yt_error(err, n, "%s must be a string", what);
		return -1;
	}
	return 0;
}

static int read_profile(config *cfg, const char *file, const char *data_dir, file_chain *chain,
                        errlist *err);

/* Reads the profile `file` (named at `named_at`, or by the command line)
 * with what it extends and includes; `chain` holds the files above it. */
static int load_profile(config *cfg, const char *file, const struct stmtlint_node *named_at,
                        const char *data_dir, file_chain *chain, errlist *err)
{
	char *real;
	int rc;

	if (chain->n > MAX_PROFILE_DEPTH) {
		yt_error(err, named_at, "profiles extend each other more than %d deep",
		         MAX_PROFILE_DEPTH);
		return -1;
	}
	if (resolve_named(cfg, chain, file, named_at, "profile", &real, err) != 0)
		return -1;
	if (real == NULL || access(real, R_OK) != 0) {
		if (named_at != NULL)
			yt_error(err, named_at, "no profile file '%s'", file);
		else
			errlist_add(err, "config", NULL, 0, 0, "no profile file '%s'", file);
		free(real);
		return -1;
	}
	chain->real[chain->n++] = real;
	rc = read_profile(cfg, file, data_dir, chain, err);
	free(chain->real[--chain->n]);
	return rc;
}

/* Whether a dataset name is [a-z0-9-]+, as plugins ask for it. */
static int valid_dataset_name(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return i > 0 && i <= 64;
}

/* Frees a declaration's files and folders (not the declaration). */
static void decl_clear(dataset_decl *d)
{
	size_t i;

	for (i = 0; i < d->n_files; i++)
		free(d->files[i]);
	free(d->files);
	for (i = 0; i < d->n_folders; i++)
		free(d->folders[i]);
	free(d->folders);
	d->files = d->folders = NULL;
	d->n_files = d->n_folders = 0;
	d->many = 0;
}

/* Appends `path` (malloc'ed; taken, or freed on failure) to an array. */
static int push_path(char ***arr, size_t *n, char *path)
{
	char **p = realloc(*arr, (*n + 1) * sizeof(*p));

	if (p == NULL) {
		free(path);
		return -1;
	}
	*arr = p;
	p[(*n)++] = path;
	return 0;
}

/* Adds every YAML file directly in the folder `real` (resolved; taken) to
 * d, each confined like the folder itself. */
static int decl_add_folder(config *cfg, dataset_decl *d, char *real,
                           const struct stmtlint_node *val, const file_chain *chain, errlist *err)
{
	char why[256];
	char **names;
	size_t n;
	size_t i;
	int rc = 0;

	if (datafiles_list(real, &names, &n, why, sizeof(why)) != 0) {
		yt_error(err, val, "dataset folder '%s': %s", val->scalar, why);
		free(real);
		return -1;
	}
	for (i = 0; rc == 0 && i < n; i++) {
		char *path = join(real, names[i]);
		char *file = NULL;

		rc = path != NULL ? resolve_named(cfg, chain, path, val, "dataset", &file, err) : -1;
		if (rc == 0 && file == NULL) {
			yt_error(err, val, "cannot read dataset file '%s'", path);
			rc = -1;
		}
		free(path);
		if (rc == 0)
			rc = push_path(&d->files, &d->n_files, file);
	}
	datafiles_free(names, n);
	d->many = 1;
	if (rc != 0) {
		free(real);
		return -1;
	}
	return push_path(&d->folders, &d->n_folders, real);
}

/* Adds the file or folder that the scalar `val` names, relative to the
 * profile's folder `dir`, to d. */
static int decl_add_path(config *cfg, dataset_decl *d, const struct stmtlint_node *val,
                         const char *dir, const file_chain *chain, errlist *err)
{
	struct stat st;
	char *path;
	char *real = NULL;

	if (scalar_or_error(val, "a dataset file or folder", err) != 0)
		return -1;
	path = join(dir, val->scalar);
	if (path == NULL)
		return -1;
	if (resolve_named(cfg, chain, path, val, "dataset", &real, err) != 0) {
		free(path);
		return -1;
	}
	free(path);
	if (real == NULL || stat(real, &st) != 0) {
		yt_error(err, val, "cannot read dataset '%s'", val->scalar);
		free(real);
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return decl_add_folder(cfg, d, real, val, chain, err);
	return push_path(&d->files, &d->n_files, real);
}

/* Reads one dataset's value into d: a file or folder, a list of them
 * (replacing what d held), or `{add: …}` (adding to it). */
static int decl_read_value(config *cfg, dataset_decl *d, const struct stmtlint_node *val,
                           const char *dir, const file_chain *chain, errlist *err)
{
	const struct stmtlint_node *list = val;
	size_t i;

	if (val->kind == STMTLINT_NODE_MAPPING) {
		list = yt_get(val, "add");
		if (list == NULL || val->n != 1) {
			yt_error(err, val, "a dataset is a file, a folder, a list of them, or "
			         "'add:' with a file, a folder or a list to add to the inherited one");
			return -1;
		}
		d->many = 1;
	} else {
		decl_clear(d);
	}
	if (list->kind != STMTLINT_NODE_SEQUENCE)
		return decl_add_path(cfg, d, list, dir, chain, err);
	d->many = 1;
	for (i = 0; i < list->n; i++)
		if (decl_add_path(cfg, d, list->items[i], dir, chain, err) != 0)
			return -1;
	if (d->n_files > DATAFILES_MAX) {
		yt_error(err, val, "a dataset may gather at most %d files", DATAFILES_MAX);
		return -1;
	}
	return 0;
}

/* Reads a profile's `data:` mapping (dataset name -> file, folder or list,
 * relative to the profile's folder dir) into cfg->datasets; a later
 * profile's name replaces an earlier one's, or adds to it with `add:`.
 * The files are confined like includes; they are loaded only when a plugin
 * asks for them. */
static int read_datasets(config *cfg, const struct stmtlint_node *map, const char *dir,
                         const file_chain *chain, errlist *err)
{
	size_t i;

	if (map == NULL)
		return 0;
	if (map->kind != STMTLINT_NODE_MAPPING) {
		yt_error(err, map, "data must map dataset names to files");
		return -1;
	}
	for (i = 0; i < map->n; i++) {
		const struct stmtlint_node *key = map->keys[i];
		dataset_decl *d = NULL;
		size_t k;

		if (!valid_dataset_name(key->scalar)) {
			yt_error(err, key, "dataset name '%s' must be 1-64 characters of a-z, 0-9 and '-'",
			         key->scalar);
			return -1;
		}
		for (k = 0; k < cfg->n_datasets; k++)
			if (strcmp(cfg->datasets[k].name, key->scalar) == 0)
				d = &cfg->datasets[k];
		if (d == NULL) {
			dataset_decl *p = realloc(cfg->datasets, (cfg->n_datasets + 1) * sizeof(*p));

			if (p == NULL)
				return -1;
			cfg->datasets = p;
			d = &p[cfg->n_datasets++];
			memset(d, 0, sizeof(*d));
			d->name = key->scalar;
		}
		d->at = map->items[i];
		if (decl_read_value(cfg, d, map->items[i], dir, chain, err) != 0)
			return -1;
	}
	return 0;
}

static int read_profile(config *cfg, const char *file, const char *data_dir, file_chain *chain,
                        errlist *err)
{
	const struct stmtlint_node *root;
	const struct stmtlint_node *ext;
	const struct stmtlint_node *inc;
	char *dir;
	size_t i;
	int rc = 0;

	if (load_mapping(cfg, file, chain->n > 0 ? chain->real[chain->n - 1] : NULL, "profile key",
	                 profile_keys, 5, &root, err) != 0)
		return -1;
	if (root == NULL)
		return 0;
	dir = dir_of(file);
	if (dir == NULL)
		return -1;
	ext = yt_get(root, "extends");
	if (ext != NULL) {
		char *base;

		if (scalar_or_error(ext, "extends", err) != 0) {
			free(dir);
			return -1;
		}
		base = profile_file(ext->scalar, dir, data_dir);
		if (base == NULL || load_profile(cfg, base, ext, data_dir, chain, err) != 0)
			rc = -1;
		free(base);
	}
	inc = yt_get(root, "include");
	if (rc == 0 && inc != NULL) {
		if (inc->kind != STMTLINT_NODE_SEQUENCE) {
			yt_error(err, inc, "include must be a list of rule-data files");
			rc = -1;
		}
		for (i = 0; rc == 0 && i < inc->n; i++) {
			char *path;
			char *real = NULL;
			yt_doc *data;

			if (scalar_or_error(inc->items[i], "an include", err) != 0) {
				rc = -1;
				break;
			}
			path = join(dir, inc->items[i]->scalar);
			if (path != NULL &&
			    resolve_named(cfg, chain, path, inc->items[i], "rule data", &real, err) != 0) {
				free(path);
				rc = -1;
				break;
			}
			if (path == NULL || real == NULL || access(real, R_OK) != 0) {
				yt_error(err, inc->items[i], "cannot read rule data '%s'", inc->items[i]->scalar);
				free(path);
				free(real);
				rc = -1;
				break;
			}
			data = yt_load_resolved(real, path, err);
			free(path);
			free(real);
			if (data == NULL || keep_doc(cfg, data) != 0) {
				rc = -1;
				break;
			}
			if (data->root != NULL && read_rules(cfg, data->root, 1, err) != 0)
				rc = -1;
		}
	}
	if (rc == 0 && read_rules(cfg, yt_get(root, "rules"), 0, err) != 0)
		rc = -1;
	if (rc == 0 && read_datasets(cfg, yt_get(root, "data"), dir, chain, err) != 0)
		rc = -1;
	free(dir);
	return rc;
}

/* Reads one list of paths (`key` of root), resolved against the folder of
 * cfg->path, into *out. */
static int read_path_list(config *cfg, const struct stmtlint_node *root, const char *key,
                          char ***out, size_t *n_out, errlist *err)
{
	const struct stmtlint_node *n = yt_get(root, key);
	char *dir;
	size_t i;
	int rc = 0;

	if (n == NULL)
		return 0;
	if (n->kind != STMTLINT_NODE_SEQUENCE) {
		yt_error(err, n, "%s must be a list of paths", key);
		return -1;
	}
	dir = dir_of(cfg->path);
	*out = calloc(n->n ? n->n : 1, sizeof(char *));
	if (dir == NULL || *out == NULL) {
		free(dir);
		return -1;
	}
	for (i = 0; i < n->n; i++) {
		if (scalar_or_error(n->items[i], "a path", err) != 0) {
			rc = -1;
			continue;
		}
		(*out)[*n_out] = join(dir, n->items[i]->scalar);
		if ((*out)[*n_out] == NULL) {
			rc = -1;
			break;
		}
		(*n_out)++;
	}
	free(dir);
	return rc;
}

/* Reads `plugins` and `plugin-dirs`, which load code: only a trusted file
 * (flags has CONFIG_ALLOW_PLUGINS) may have them. */
static int read_plugin_keys(config *cfg, const struct stmtlint_node *root, unsigned flags, errlist *err)
{
	static const char *const keys[] = { "plugins", "plugin-dirs" };
	size_t i;
	int rc = 0;

	for (i = 0; i < 2; i++) {
		size_t j;

		if (yt_get(root, keys[i]) == NULL)
			continue;
		if (!(flags & CONFIG_ALLOW_PLUGINS)) {
			for (j = 0; j < root->n && strcmp(root->keys[j]->scalar, keys[i]) != 0; j++)
				;
			yt_error(err, root->keys[j],
			         "refused: this configuration asks to load plugins ('%s'), and a "
			         "configuration beside the drafts may not run code; plugins load only from "
			         "the installed folder, --plugin-dir and the user's configuration "
			         "($XDG_CONFIG_HOME/stmtlint/config.yaml); pass --allow-repo-plugins to "
			         "trust this repository", keys[i]);
			rc = -1;
			continue;
		}
		if (read_path_list(cfg, root, keys[i], i == 0 ? &cfg->plugin_files : &cfg->plugin_dirs,
		                   i == 0 ? &cfg->n_plugin_files : &cfg->n_plugin_dirs, err) != 0)
			rc = -1;
	}
	return rc;
}

/* Reads `ignore:`, a list of glob patterns, relative to the configuration's
 * folder.  Returns 0, or -1 after an error in err. */
static int read_ignore(config *cfg, const struct stmtlint_node *root, errlist *err)
{
	const struct stmtlint_node *n = yt_get(root, "ignore");
	char *dir;
	size_t i;

	if (n == NULL)
		return 0;
	if (n->kind != STMTLINT_NODE_SEQUENCE) {
		yt_error(err, n, "ignore must be a list of glob patterns (\"drafts/old/*\", \"README.md\")");
		return -1;
	}
	cfg->ignore = calloc(n->n ? n->n : 1, sizeof(*cfg->ignore));
	dir = dir_of(cfg->path);
	cfg->ignore_dir = dir != NULL ? realpath(dir, NULL) : NULL;
	free(dir);
	if (cfg->ignore == NULL || cfg->ignore_dir == NULL) {
		yt_error(err, n, "cannot resolve the folder of the configuration");
		return -1;
	}
	for (i = 0; i < n->n; i++) {
		if (scalar_or_error(n->items[i], "an ignore pattern", err) != 0)
			return -1;
		cfg->ignore[cfg->n_ignore++] = n->items[i]->scalar;
	}
	return 0;
}

static int read_config_file(config *cfg, const char **profile_name,
                            const struct stmtlint_node **profile_at, unsigned flags, errlist *err)
{
	const struct stmtlint_node *root;
	const struct stmtlint_node *n;
	size_t i;
	int rc = 0;
	char *dir;
	char *real = realpath(cfg->path, NULL);

	/* A .stmtlint.yaml that is a link out of its repository is not read:
	 * its text would be quoted in errors (a CI log) */
	if (real == NULL || !path_inside(real, cfg->repo_root)) {
		if (real == NULL)
			errlist_add(err, "config", cfg->path, 0, 0, "cannot be resolved (%s); it is not "
			            "read", strerror(errno));
		else
			errlist_add(err, "config", cfg->path, 0, 0, "is a link to %s, outside the "
			            "repository (%s); it is not read", real, cfg->repo_root);
		free(real);
		return -1;
	}
	rc = load_mapping(cfg, cfg->path, real, "configuration key", config_keys,
	                  sizeof(config_keys) / sizeof(*config_keys), &root, err);
	free(real);
	if (rc != 0)
		return -1;
	if (root == NULL)
		return 0;
	n = yt_get(root, "profile");
	if (n != NULL) {
		if (scalar_or_error(n, "profile", err) != 0)
			rc = -1;
		else {
			*profile_name = n->scalar;
			*profile_at = n;
		}
	}
	n = yt_get(root, "language");
	if (n != NULL) {
		if (scalar_or_error(n, "language", err) != 0) {
			rc = -1;
		} else {
			free(cfg->language);
			cfg->language = strdup(n->scalar);
		}
	}
	n = yt_get(root, "fail-on");
	if (n != NULL) {
		int sev = n->kind == STMTLINT_NODE_SCALAR ? severity_parse(n->scalar, -1) : -1;

		if (sev <= STMTLINT_OFF) {
			yt_error(err, n, "fail-on must be error, warning or note");
			rc = -1;
		} else {
			cfg->fail_on = sev;
		}
	}
	n = yt_get(root, "dictionaries");
	if (n != NULL) {
		if (n->kind != STMTLINT_NODE_SEQUENCE) {
			yt_error(err, n, "dictionaries must be a list of files");
			return -1;
		}
		dir = dir_of(cfg->path);
		cfg->dictionaries = calloc(n->n ? n->n : 1, sizeof(char *));
		if (dir == NULL || cfg->dictionaries == NULL) {
			free(dir);
			return -1;
		}
		for (i = 0; i < n->n; i++) {
			char *dict_real;

			if (scalar_or_error(n->items[i], "a dictionary", err) != 0) {
				rc = -1;
				continue;
			}
			cfg->dictionaries[cfg->n_dictionaries] = join(dir, n->items[i]->scalar);
			if (cfg->dictionaries[cfg->n_dictionaries] == NULL) {
				free(dir);
				return -1;
			}
			if (resolve_named(cfg, NULL, cfg->dictionaries[cfg->n_dictionaries], n->items[i],
			                  "dictionary", &dict_real, err) != 0) {
				rc = -1;
			} else if (dict_real == NULL) {
				yt_error(err, n->items[i], "cannot read dictionary '%s'", n->items[i]->scalar);
				rc = -1;
			} else {
				/* plugins read the file that was checked */
				free(cfg->dictionaries[cfg->n_dictionaries]);
				cfg->dictionaries[cfg->n_dictionaries] = dict_real;
			}
			cfg->n_dictionaries++;
		}
		free(dir);
	}
	if (read_plugin_keys(cfg, root, flags, err) != 0)
		rc = -1;
	if (read_ignore(cfg, root, err) != 0)
		rc = -1;
	return rc;
}

config *config_load(const char *path, const char *profile_override, const char *data_dir,
                    unsigned flags, errlist *err)
{
	config *cfg = calloc(1, sizeof(*cfg));
	const char *profile_name = "default";
	const struct stmtlint_node *profile_at = NULL;
	file_chain chain;
	char *dir;
	int rc;

	if (cfg == NULL)
		return NULL;
	cfg->fail_on = RULE_UNSET;
	cfg->language = strdup("en");
	if (cfg->language == NULL)
		goto fail;
	cfg->data_root = realpath(data_dir, NULL);
	if (path != NULL) {
		cfg->path = strdup(path);
		cfg->repo_root = repo_root_of(path);
		if (cfg->path == NULL || cfg->repo_root == NULL ||
		    read_config_file(cfg, &profile_name, &profile_at, flags, err) != 0)
			goto fail;
	}
	if (profile_override != NULL) {
		/* The command line's own profile, and all it names, may be anywhere. */
		profile_name = profile_override;
		profile_at = NULL;
		free(cfg->repo_root);
		cfg->repo_root = NULL;
	}
	dir = path != NULL && profile_override == NULL ? dir_of(path) : strdup(".");
	if (dir == NULL)
		goto fail;
	cfg->profile = profile_file(profile_name, dir, data_dir);
	free(dir);
	if (cfg->profile == NULL)
		goto fail;
	/* The profile applies first; the configuration's rules then override it. */
	chain.n = 0;
	if (path != NULL) {
		chain.real[0] = realpath(path, NULL);
		if (chain.real[0] == NULL)
			goto fail;
		chain.n = 1;
	}
	rc = load_profile(cfg, cfg->profile, profile_at, data_dir, &chain, err);
	if (chain.n > 0)
		free(chain.real[0]);
	if (rc != 0)
		goto fail;
	if (path != NULL) {
		const struct stmtlint_node *rules = yt_get(cfg->docs[0]->root, "rules");

		if (read_rules(cfg, rules, 0, err) != 0)
			goto fail;
	}
	return cfg;
fail:
	config_free(cfg);
	return NULL;
}

char *config_user_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char *p;
	size_t n;

	if (xdg != NULL && xdg[0] == '/') {
		n = strlen(xdg) + 32;
		p = malloc(n);
		if (p != NULL)
			snprintf(p, n, "%s/stmtlint/config.yaml", xdg);
		return p;
	}
	if (home == NULL || home[0] == '\0')
		return NULL;
	n = strlen(home) + 40;
	p = malloc(n);
	if (p != NULL)
		snprintf(p, n, "%s/.config/stmtlint/config.yaml", home);
	return p;
}

config *config_load_user(const char *path, errlist *err)
{
	config *cfg = calloc(1, sizeof(*cfg));
	const struct stmtlint_node *root;
	struct stat st;

	if (cfg == NULL)
		return NULL;
	cfg->fail_on = RULE_UNSET;
	if (stat(path, &st) != 0 && errno == ENOENT)
		return cfg;
	cfg->path = strdup(path);
	if (cfg->path == NULL ||
	    load_mapping(cfg, path, NULL, "key of the user configuration (it says where plugins are)",
	                 user_config_keys, 2, &root, err) != 0 ||
	    read_plugin_keys(cfg, root, CONFIG_ALLOW_PLUGINS, err) != 0) {
		config_free(cfg);
		return NULL;
	}
	return cfg;
}

int config_add_cli_rule(config *cfg, const char *rule, int severity)
{
	return new_rule(cfg, rule, severity, NULL) != NULL ? 0 : -1;
}

void config_free(config *cfg)
{
	size_t i;

	if (cfg == NULL)
		return;
	for (i = 0; i < cfg->n_rules; i++) {
		free(cfg->rules[i].rule);
		free(cfg->rules[i].options);
	}
	free(cfg->rules);
	for (i = 0; i < cfg->n_docs; i++)
		yt_free(cfg->docs[i]);
	free(cfg->docs);
	for (i = 0; i < cfg->n_datasets; i++)
		decl_clear(&cfg->datasets[i]);
	free(cfg->datasets);
	for (i = 0; i < cfg->n_dictionaries; i++)
		free(cfg->dictionaries[i]);
	free(cfg->dictionaries);
	for (i = 0; i < cfg->n_plugin_files; i++)
		free(cfg->plugin_files[i]);
	free(cfg->plugin_files);
	for (i = 0; i < cfg->n_plugin_dirs; i++)
		free(cfg->plugin_dirs[i]);
	free(cfg->plugin_dirs);
	free(cfg->ignore);
	free(cfg->ignore_dir);
	free(cfg->repo_root);
	free(cfg->data_root);
	free(cfg->path);
	free(cfg->profile);
	free(cfg->language);
	free(cfg);
}

/* Whether a configuration file may be trusted where it lies: one owned by
 * another user in a folder that others can write to may have been put
 * there by anyone. */
static int config_trusted(const char *file, const struct stat *st, const char *dir,
                          errlist *warnings)
{
	struct stat d;

	if (st->st_uid == geteuid() || stat(dir[0] ? dir : "/", &d) != 0 ||
	    (d.st_mode & S_IWOTH) == 0)
		return 1;
	errlist_add_sev(warnings, "config", STMTLINT_WARNING, file, 0, 0, "ignored: it belongs to "
	                "another user (uid %u) and lies in a folder anyone can write to",
	                (unsigned)st->st_uid);
	return 0;
}

char *config_find(const char *start, errlist *warnings)
{
	char dir[PATH_MAX];
	char *real = realpath(start, NULL);

	if (real == NULL)
		return NULL;
	snprintf(dir, sizeof(dir), "%s", real);
	free(real);
	for (;;) {
		char candidate[PATH_MAX + 16];
		struct stat st;
		char *slash;

		snprintf(candidate, sizeof(candidate), "%s/.stmtlint.yaml", strcmp(dir, "/") == 0 ? "" : dir);
		if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode) &&
		    config_trusted(candidate, &st, dir, warnings))
			return strdup(candidate);
		/* the repository's root is as far as a repository's drafts look */
		snprintf(candidate, sizeof(candidate), "%s/.git", strcmp(dir, "/") == 0 ? "" : dir);
		if (lstat(candidate, &st) == 0)
			return NULL;
		slash = strrchr(dir, '/');
		if (slash == NULL || strcmp(dir, "/") == 0)
			return NULL;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
}
