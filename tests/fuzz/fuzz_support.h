/* fuzz_support.h - what the libFuzzer harnesses share: a scratch folder per
 * process, the rule data and plugins of the build tree, plugin sets made
 * without dlopen(), and the entry points every harness defines. */
#ifndef STMTLINT_FUZZ_SUPPORT_H
#define STMTLINT_FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "stmtlint/plugin.h"
#include "buf.h"
#include "errlist.h"
#include "loader.h"
#include "store.h"

/* What each harness defines (libFuzzer's interface). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The source tree, its rules/ folder, and the build tree's plugin folder. */
const char *fuzz_src_dir(void);
const char *fuzz_rules_dir(void);
const char *fuzz_plugin_dir(void);

/* Appends to `profile` (the text of a profile) the `data:` of the default
 * profile, each dataset by its absolute path, so that a profile written in
 * the scratch folder gives plugins the datasets they need (the registry of
 * bodies, `agencies`). */
void fuzz_default_data(buf *profile);

/* This process's scratch folder, made on first use and removed (with every
 * file in it) at exit; NULL when it cannot be made. */
const char *fuzz_scratch_dir(void);
/* Writes len bytes of data to `name` in the scratch folder.  Returns the
 * file's path (in a static buffer, valid until the next call), or NULL. */
const char *fuzz_write(const char *name, const void *data, size_t len);

/* Adds a plugin linked into the harness to set, as the loader would add a
 * loaded one but without dlopen() (handle NULL); plugins_unload() frees the
 * set.  Returns 0, or -1. */
int fuzz_plugins_add_static(plugin_set *set, const stmtlint_plugin *desc);

/* The store of datasets and resources the harness's rule sets share, made
 * on first use and freed at exit. */
store *fuzz_store(void);
/* err as compilers print it (a static buffer, valid until the next call). */
const char *fuzz_errors(const errlist *err);

#endif
