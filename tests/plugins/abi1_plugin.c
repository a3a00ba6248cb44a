/*
 * abi1_plugin.c - a test plugin compiled against the frozen ABI 1.0 header
 * in tests/plugins/abi1/ (its descriptor says version 1, and it knows
 * nothing of the services appended since).  A newer host must load it and
 * run it: it reports the first "obsolete" in the prose, with a fix-it.
 */
#include <string.h>

#include <stmtlint/plugin.h>

#if STMTLINT_ABI_VERSION != 1u
#error "abi1_plugin.c must be built against tests/plugins/abi1/stmtlint/plugin.h"
#endif

static const stmtlint_check_spec checks[] = {
	{ "word", STMTLINT_WARNING, "the draft says 'obsolete'" },
};

static int abi1_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                      const stmtlint_doc *doc)
{
	const char *at = strstr(doc->prose, "obsolete");
	stmtlint_diag *d;

	(void)state;
	if (at == NULL)
		return 0;
	d = host->report(ctx, 0, (size_t)(at - doc->prose), (size_t)(at - doc->prose) + 8,
	                 "'obsolete' found by a plugin built for ABI 1.0");
	host->fix(d, (size_t)(at - doc->prose), (size_t)(at - doc->prose) + 8, "current");
	return 0;
}

static const stmtlint_plugin plugin = {
	STMTLINT_ABI_VERSION,
	"abi-one",
	"a test plugin built against the ABI 1.0 header",
	STMTLINT_WARNING,
	checks, 1,
	NULL, 0,
	NULL,
	abi1_check,
	NULL
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
