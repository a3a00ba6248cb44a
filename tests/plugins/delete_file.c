/* delete_file.c - a test plugin that deletes the file named by the
 * environment variable STMTLINT_TEST_DELETE when it checks a draft, so that
 * tests/bad-input.sh can delete a file while stmtlint is checking the one
 * before it, at a known moment rather than after a guessed delay.  It
 * reports nothing. */
#include <stdlib.h>
#include <unistd.h>

#include "stmtlint/plugin.h"

static int delete_file_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	(void)host;
	(void)opts;
	*state = NULL;
	return 0;
}

static int delete_file_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                             const stmtlint_doc *doc)
{
	const char *path = getenv("STMTLINT_TEST_DELETE");

	(void)host;
	(void)state;
	(void)ctx;
	(void)doc;
	if (path != NULL && path[0] != '\0')
		unlink(path);   /* gone already, after the first draft: nothing to do */
	return 0;
}

static void delete_file_fini(const stmtlint_host *host, void *state)
{
	(void)host;
	(void)state;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "delete-file",
	.summary = "a test plugin that deletes $STMTLINT_TEST_DELETE when it checks a draft",
	.severity = STMTLINT_WARNING,
	.init = delete_file_init,
	.check = delete_file_check,
	.fini = delete_file_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
