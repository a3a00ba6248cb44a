/* config.h - .stmtlint.yaml files and profiles, read into rule settings. */
#ifndef STMTLINT_CONFIG_H
#define STMTLINT_CONFIG_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "buf.h"
#include "errlist.h"
#include "yamltree.h"

/* One option value set for a plugin. */
typedef struct option_setting {
	const char *name;                  /* points into a yt_doc */
	const struct stmtlint_node *value;
	const struct stmtlint_node *key;   /* where it was set */
} option_setting;

/* What one source (a profile, a rule-data file, a config, the command line)
 * says of one rule, in the order the sources apply. */
typedef struct rule_setting {
	char *rule;                        /* "dates" or "dates/weekday" */
	int severity;                      /* RULE_UNSET, RULE_ON, or a stmtlint_severity */
	int options_only;                  /* from rule data: sets options, never enables */
	const struct stmtlint_node *at;    /* where it was set; NULL from the command line */
	option_setting *options;
	size_t n_options;
} rule_setting;

#define RULE_UNSET (-1)
#define RULE_ON    (-2)

/* A dataset a profile declares: `data: {NAME: FILE}` (one file), or a
 * folder (`NAME: FOLDER/`, every *.yaml directly in it, in name order), or
 * a list of files and folders (`NAME: [A, B/]`), or `NAME: {add: …}` (the
 * declaration inherited from the profiles below, with more files). */
typedef struct dataset_decl {
	const char *name;                  /* points into a yt_doc */
	char **files;                      /* the files, resolved and confined, in order */
	size_t n_files;
	int many;                          /* a folder or a list: the dataset is the sequence
	                                      of the files' roots, not one file's root */
	char **folders;                    /* the folders named, resolved (a file added to
	                                      one makes the configuration stale) */
	size_t n_folders;
	const struct stmtlint_node *at;    /* where it was declared */
} dataset_decl;

typedef struct config {
	char *path;                 /* the .stmtlint.yaml read, or NULL */
	char *profile;              /* the profile's file */
	char *language;             /* "en" unless set */
	int fail_on;                /* a stmtlint_severity, or RULE_UNSET */
	char **dictionaries;        /* paths, resolved against the config's folder */
	size_t n_dictionaries;
	char **plugin_files;        /* `plugins`: shared objects, resolved likewise */
	size_t n_plugin_files;
	char **plugin_dirs;         /* `plugin-dirs`: folders of them */
	size_t n_plugin_dirs;
	const char **ignore;        /* `ignore`: glob patterns of drafts a folder search skips
	                               (pointing into docs) */
	size_t n_ignore;
	char *ignore_dir;           /* the folder they are relative to: the configuration's,
	                               resolved; NULL when there are none */
	char *repo_root;            /* files named must resolve inside it (or data_root); NULL: anywhere */
	char *data_root;            /* the rule data folder, resolved */
	rule_setting *rules;
	size_t n_rules;
	dataset_decl *datasets;     /* from the profiles, a later one's name replacing an earlier's */
	size_t n_datasets;
	yt_doc **docs;              /* every YAML file read: settings point into them */
	size_t n_docs;
} config;

/* config_load() flags. */
#define CONFIG_ALLOW_PLUGINS 1u   /* the file may name plugins (--allow-repo-plugins) */

/* Reads the configuration: the file at `path` (NULL for none), then the
 * profile it names (or `profile_override`, a name or a path; or "default"),
 * with the profiles it extends and the rule data they include, from
 * `data_dir`.  Every file that `path` names, directly or through its
 * profiles, must lie inside the repository that holds `path` (the nearest
 * folder upward with a .git, else path's own folder) or inside data_dir;
 * profile_override is the user's own and may be anywhere.  A `plugins` or
 * `plugin-dirs` key is refused unless flags has CONFIG_ALLOW_PLUGINS.
 * Returns a new config the caller frees with config_free(), or NULL after
 * adding [config] errors, with their positions, to err. */
config *config_load(const char *path, const char *profile_override, const char *data_dir,
                    unsigned flags, errlist *err);
/* The user's own configuration file: $XDG_CONFIG_HOME/stmtlint/config.yaml,
 * else $HOME/.config/stmtlint/config.yaml.  A malloc'ed path, or NULL when
 * neither variable is set. */
char *config_user_path(void);
/* Reads the user's configuration at `path`, which says where plugins are
 * (`plugins`, `plugin-dirs`) and nothing else.  Returns a config holding
 * them (free with config_free()); an empty one when the file does not
 * exist; NULL after [config] errors in err. */
config *config_load_user(const char *path, errlist *err);
/* Adds a command-line --enable (severity RULE_ON) or --disable (STMTLINT_OFF). */
int config_add_cli_rule(config *cfg, const char *rule, int severity);
void config_free(config *cfg);

/* Finds ".stmtlint.yaml" in `dir` or the nearest folder above it, up to
 * the repository's root (the first folder with a .git).  A file owned by
 * another user in a folder others can write to is skipped, with a warning
 * in `warnings`.  Returns a malloc'ed path, or NULL when there is none. */
char *config_find(const char *dir, errlist *warnings);
/* The repository that holds `folder`: the nearest folder upward from it
 * with a .git, else the folder itself; resolved and malloc'ed, or NULL. */
char *config_repo_root(const char *folder);

/* The longest word edit_distance() measures. */
#define EDIT_DISTANCE_MAX 64

/* The Levenshtein distance between a and b, or (size_t)-1 when either is
 * longer than EDIT_DISTANCE_MAX bytes. */
size_t edit_distance(const char *a, const char *b);
/* The candidate closest to `word` by edit distance, or NULL when none is
 * close enough to suggest. */
const char *closest_word(const char *word, const char *const *candidates, size_t n);

#endif
