# The agencies plugin and its registry (rules/agencies/NAME.yaml).
pkglib_LTLIBRARIES += plugins/agencies.la
plugins_agencies_la_SOURCES = plugins/agencies/agencies.c \
	plugins/agencies/registry.c plugins/agencies/registry.h \
	plugins/agencies/match.c plugins/agencies/match.h \
	plugins/agencies/naming.c plugins/agencies/naming.h
plugins_agencies_la_LDFLAGS = $(PLUGIN_LDFLAGS)

agenciesdir = $(pkgdatadir)/agencies
dist_agencies_DATA = $(wildcard $(srcdir)/rules/agencies/*.yaml)

# The registry's shape: names, kinds, governments, no name or acronym twice.
check_PROGRAMS += tests/unit/test_registry
TESTS += tests/unit/test_registry
tests_unit_test_registry_SOURCES = tests/unit/test_registry.c
tests_unit_test_registry_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_registry_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_registry_LDADD = $(CORE_TEST_LDADD)

# Each kind of defect, made in a copy of the reference draft, at its line.
TESTS += tests/agencies-reference.sh
dist_check_SCRIPTS += tests/agencies-reference.sh
