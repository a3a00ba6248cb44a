/* no_entry.c - a test shared object that is not a plugin: it exports a
 * function, but not stmtlint_plugin_entry(). */
#include "stmtlint/plugin.h"

STMTLINT_EXPORT int stmtlint_not_a_plugin(void);

/* Exported so that the object has a symbol table entry of its own. */
STMTLINT_EXPORT int stmtlint_not_a_plugin(void)
{
	return 42;
}
