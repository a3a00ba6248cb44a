/* failing_init.c - a test plugin whose init() always refuses its
 * configuration, as a plugin does on bad rule data. */
#include <stddef.h>

#include "stmtlint/plugin.h"

static int failing_init_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	*state = NULL;
	host->config_error(opts, NULL, "this test plugin never starts");
	return -1;
}

static int failing_init_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                              const stmtlint_doc *doc)
{
	(void)host;
	(void)state;
	(void)ctx;
	(void)doc;
	return 0;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "failing-init",
	.summary = "a test plugin whose init fails",
	.severity = STMTLINT_WARNING,
	.init = failing_init_init,
	.check = failing_init_check,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
