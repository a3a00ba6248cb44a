/* fuzz_config.c - libFuzzer harness of the configuration and profile loader:
 * the input is read as a repository's .stmtlint.yaml and as a profile given
 * with --profile, with the real rule data, and each configuration that loads
 * is made ready with the built plugins (rule names, options, init()). */
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "config.h"
#include "engine.h"
#include "fuzz_support.h"

static plugin_set plugins;

static void unload(void)
{
	plugins_unload(&plugins);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	errlist err;

	(void)argc;
	(void)argv;
	errlist_init(&err);
	if (plugins_load_dir(&plugins, fuzz_plugin_dir(), &err) != 0 || plugins.n == 0) {
		fprintf(stderr, "fuzz_config: cannot load the plugins of %s:\n%s", fuzz_plugin_dir(),
		        fuzz_errors(&err));
		exit(1);
	}
	errlist_free(&err);
	atexit(unload);
	return 0;
}

static void make_ready(config *cfg, errlist *err)
{
	if (cfg != NULL)
		ruleset_free(ruleset_new(&plugins, cfg, fuzz_store(), err));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path;
	errlist err;

	errlist_init(&err);
	path = fuzz_write(".stmtlint.yaml", data, size);
	if (path != NULL)
		make_ready(config_load(path, NULL, fuzz_rules_dir(), 0, &err), &err);
	path = fuzz_write("profile.yaml", data, size);
	if (path != NULL)
		make_ready(config_load(NULL, path, fuzz_rules_dir(), 0, &err), &err);
	errlist_free(&err);
	return 0;
}
