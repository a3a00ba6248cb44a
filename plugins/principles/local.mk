# The principles plugin.
pkglib_LTLIBRARIES += plugins/principles.la
plugins_principles_la_SOURCES = plugins/principles/principles.c plugins/principles/wordiff.c plugins/principles/wordiff.h
plugins_principles_la_LDFLAGS = $(PLUGIN_LDFLAGS)

check_PROGRAMS += tests/unit/test_wordiff
TESTS += tests/unit/test_wordiff
tests_unit_test_wordiff_SOURCES = tests/unit/test_wordiff.c plugins/principles/wordiff.c
tests_unit_test_wordiff_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_wordiff_LDADD = src/libstmtlint.la $(CMOCKA_LIBS)
