/* dup_id.c - a test plugin whose id, "good", is already taken by good.c. */
#include <stddef.h>

#include "stmtlint/plugin.h"

static int dup_id_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
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
	.id = "good",
	.summary = "a test plugin that reuses another plugin's id",
	.severity = STMTLINT_WARNING,
	.check = dup_id_check,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
