/*
 * misbehave.c - a test plugin that does what a plugin must never do, on
 * drafts that say "MISBEHAVE": what it does is named by the environment
 * variable STMTLINT_TEST_MISBEHAVE: "segv" (writes to read-only memory: a
 * real crash that the sanitizers, unlike a null pointer, let happen),
 * "abort", "exit" (exit(0), which would make a run look clean) or "hang"
 * (never returns).  On other drafts it reports nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <stmtlint/plugin.h>

static int misbehave_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                           const stmtlint_doc *doc)
{
	const char *what = getenv("STMTLINT_TEST_MISBEHAVE");
	static const char read_only[] = "read-only";
	volatile char *rodata = (volatile char *)(uintptr_t)read_only;
	volatile unsigned long spin = 0;

	(void)host;
	(void)state;
	(void)ctx;
	if (what == NULL || strstr(doc->prose, "MISBEHAVE") == NULL)
		return 0;
	if (strcmp(what, "segv") == 0)
		rodata[0] = 'x';
	else if (strcmp(what, "abort") == 0)
		abort();
	else if (strcmp(what, "exit") == 0)
		exit(0);
	else if (strcmp(what, "hang") == 0)
		for (;;)
			spin++;
	return 0;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "misbehave",
	.summary = "a test plugin that crashes, exits or hangs on request",
	.severity = STMTLINT_WARNING,
	.check = misbehave_check,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
