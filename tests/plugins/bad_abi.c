/* bad_abi.c - a test plugin built for an ABI version that does not exist. */
#include <stddef.h>

#include "stmtlint/plugin.h"

static int bad_abi_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                         const stmtlint_doc *doc)
{
	(void)host;
	(void)state;
	(void)ctx;
	(void)doc;
	return 0;
}

static const stmtlint_plugin plugin = {
	.abi_version = 999,
	.id = "bad-abi",
	.summary = "a test plugin with a wrong ABI version",
	.severity = STMTLINT_WARNING,
	.check = bad_abi_check,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
