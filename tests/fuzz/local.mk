# libFuzzer harnesses (see tests/fuzz/README.md).  In a build configured with
# CC=clang --enable-fuzzing, `make fuzz` links them with libFuzzer and
# tests/fuzz/run runs them.  In every build `make check` links them with a
# small replay main() and runs each over its seed corpus and regressions.

FUZZ_HARNESSES = tests/fuzz/fuzz_doc tests/fuzz/fuzz_config tests/fuzz/fuzz_ruledata \
	tests/fuzz/fuzz_large $(FUZZ_PLUGIN_HARNESSES)
check_PROGRAMS += $(FUZZ_HARNESSES)

check_LTLIBRARIES += tests/fuzz/libfuzzsupport.la tests/fuzz/libfuzzreplay.la
tests_fuzz_libfuzzsupport_la_SOURCES = tests/fuzz/fuzz_support.c tests/fuzz/fuzz_support.h
tests_fuzz_libfuzzsupport_la_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_SRC_DIR='"$(abs_top_srcdir)"' \
	-DFUZZ_PLUGIN_DIR='"$(abs_top_builddir)/plugins/.libs"'
tests_fuzz_libfuzzreplay_la_SOURCES = tests/fuzz/replay.c

if ENABLE_FUZZING
FUZZ_MAIN = @FUZZER_LINK@
else
FUZZ_MAIN = tests/fuzz/libfuzzreplay.la
endif
FUZZ_LDADD = tests/fuzz/libfuzzsupport.la src/libstmtlint.la $(FUZZ_MAIN)

tests_fuzz_fuzz_doc_SOURCES = tests/fuzz/fuzz_doc.c
tests_fuzz_fuzz_doc_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_config_SOURCES = tests/fuzz/fuzz_config.c
tests_fuzz_fuzz_config_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_ruledata_SOURCES = tests/fuzz/fuzz_ruledata.c
tests_fuzz_fuzz_ruledata_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_large_SOURCES = tests/fuzz/fuzz_large.c
tests_fuzz_fuzz_large_LDADD = $(FUZZ_LDADD)

# One harness per plugin: tests/fuzz/fuzz_plugin.c linked with that plugin's
# own objects.  A new plugin NAME adds these three lines.
FUZZ_PLUGIN_HARNESSES = tests/fuzz/fuzz_plugin_structure
tests_fuzz_fuzz_plugin_structure_SOURCES = tests/fuzz/fuzz_plugin.c
tests_fuzz_fuzz_plugin_structure_LDADD = $(plugins_structure_la_OBJECTS) $(FUZZ_LDADD)

FUZZ_PLUGIN_HARNESSES += tests/fuzz/fuzz_plugin_dates
tests_fuzz_fuzz_plugin_dates_SOURCES = tests/fuzz/fuzz_plugin.c
tests_fuzz_fuzz_plugin_dates_LDADD = $(plugins_dates_la_OBJECTS) $(FUZZ_LDADD)

FUZZ_PLUGIN_HARNESSES += tests/fuzz/fuzz_plugin_principles
tests_fuzz_fuzz_plugin_principles_SOURCES = tests/fuzz/fuzz_plugin.c
tests_fuzz_fuzz_plugin_principles_LDADD = $(plugins_principles_la_OBJECTS) $(FUZZ_LDADD)

FUZZ_PLUGIN_HARNESSES += tests/fuzz/fuzz_plugin_agencies
tests_fuzz_fuzz_plugin_agencies_SOURCES = tests/fuzz/fuzz_plugin.c
tests_fuzz_fuzz_plugin_agencies_LDADD = $(plugins_agencies_la_OBJECTS) $(FUZZ_LDADD)
FUZZ_PLUGIN_HARNESSES += tests/fuzz/fuzz_plugin_acronyms
tests_fuzz_fuzz_plugin_acronyms_SOURCES = tests/fuzz/fuzz_plugin.c
tests_fuzz_fuzz_plugin_acronyms_LDADD = $(plugins_acronyms_la_OBJECTS) $(FUZZ_LDADD)

FUZZ_PLUGIN_HARNESSES += tests/fuzz/fuzz_plugin_terms
tests_fuzz_fuzz_plugin_terms_SOURCES = tests/fuzz/fuzz_plugin.c
tests_fuzz_fuzz_plugin_terms_LDADD = $(plugins_terms_la_OBJECTS) $(FUZZ_LDADD)
FUZZ_PLUGIN_HARNESSES += tests/fuzz/fuzz_plugin_brackets
tests_fuzz_fuzz_plugin_brackets_SOURCES = tests/fuzz/fuzz_plugin.c
tests_fuzz_fuzz_plugin_brackets_LDADD = $(plugins_brackets_la_OBJECTS) $(FUZZ_LDADD)

FUZZ_PLUGIN_HARNESSES += tests/fuzz/fuzz_plugin_typography
tests_fuzz_fuzz_plugin_typography_SOURCES = tests/fuzz/fuzz_plugin.c
tests_fuzz_fuzz_plugin_typography_LDADD = $(plugins_typography_la_OBJECTS) $(FUZZ_LDADD)

# Replays every harness over its seeds and tests/fuzz/regressions/HARNESS/.
TESTS += tests/fuzz/replay.sh
dist_check_SCRIPTS += tests/fuzz/replay.sh
EXTRA_DIST += tests/fuzz/run tests/fuzz/seeds tests/fuzz/stmtlint.dict tests/fuzz/README.md \
	tests/fuzz/regressions

if ENABLE_FUZZING
# In two steps: `all` makes BUILT_SOURCES and then runs make again, which in
# one command with the harnesses would build the same objects twice at once.
fuzz:
	$(MAKE) $(AM_MAKEFLAGS) all
	$(MAKE) $(AM_MAKEFLAGS) $(FUZZ_HARNESSES:=$(EXEEXT))
else
fuzz:
	@echo "make fuzz: this build is not set up for fuzzing;" \
	     "reconfigure with ./configure CC=clang --enable-fuzzing" >&2; exit 1
endif
.PHONY: fuzz
