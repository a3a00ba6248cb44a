# cmocka unit tests of the core (linked with the core's convenience library),
# the loader tests with their test-only plugins, and the out-of-tree plugin
# build test.
include tests/plugins/local.mk

CORE_TESTS = tests/unit/test_utf8 tests/unit/test_position tests/unit/test_escape tests/unit/test_output \
	tests/unit/test_doc tests/unit/test_config \
	tests/unit/test_diag tests/unit/test_suppress tests/unit/test_loader \
	tests/unit/test_atomicfile tests/unit/test_session tests/unit/test_yamltree tests/unit/test_regex \
	tests/unit/test_unidiff
check_PROGRAMS += $(CORE_TESTS)
TESTS += $(CORE_TESTS)

# Where the tests find the built plugins and the rule data.
CORE_TEST_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTEST_PLUGIN_DIR='"$(abs_top_builddir)/tests/plugins/.libs"' \
	-DBUILD_PLUGIN_DIR='"$(abs_top_builddir)/plugins/.libs"' \
	-DRULES_DIR='"$(abs_top_srcdir)/rules"'
CORE_TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
CORE_TEST_LDADD = src/libstmtlint.la $(CMOCKA_LIBS)

tests_unit_test_utf8_SOURCES = tests/unit/test_utf8.c
tests_unit_test_utf8_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_utf8_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_utf8_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_position_SOURCES = tests/unit/test_position.c
tests_unit_test_position_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_position_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_position_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_escape_SOURCES = tests/unit/test_escape.c
tests_unit_test_escape_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_escape_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_escape_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_output_SOURCES = tests/unit/test_output.c
tests_unit_test_output_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_output_CFLAGS = $(CORE_TEST_CFLAGS) $(JANSSON_CFLAGS)
tests_unit_test_output_LDADD = $(CORE_TEST_LDADD) $(JANSSON_LIBS)

tests_unit_test_doc_SOURCES = tests/unit/test_doc.c
tests_unit_test_doc_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_doc_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_doc_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_config_SOURCES = tests/unit/test_config.c tests/unit/scratch.c tests/unit/scratch.h
tests_unit_test_config_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_config_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_config_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_session_SOURCES = tests/unit/test_session.c tests/unit/scratch.c tests/unit/scratch.h
tests_unit_test_session_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_session_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_session_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_unidiff_SOURCES = tests/unit/test_unidiff.c
tests_unit_test_unidiff_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_unidiff_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_unidiff_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_diag_SOURCES = tests/unit/test_diag.c
tests_unit_test_diag_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_diag_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_diag_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_suppress_SOURCES = tests/unit/test_suppress.c
tests_unit_test_suppress_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_suppress_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_suppress_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_loader_SOURCES = tests/unit/test_loader.c tests/unit/scratch.c tests/unit/scratch.h
tests_unit_test_loader_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_loader_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_loader_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_atomicfile_SOURCES = tests/unit/test_atomicfile.c tests/unit/scratch.c tests/unit/scratch.h
tests_unit_test_atomicfile_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_atomicfile_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_atomicfile_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_yamltree_SOURCES = tests/unit/test_yamltree.c tests/unit/scratch.c tests/unit/scratch.h
tests_unit_test_yamltree_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_yamltree_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_yamltree_LDADD = $(CORE_TEST_LDADD)

tests_unit_test_regex_SOURCES = tests/unit/test_regex.c
tests_unit_test_regex_CPPFLAGS = $(CORE_TEST_CPPFLAGS) $(PCRE2_CFLAGS)
tests_unit_test_regex_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_regex_LDADD = $(CORE_TEST_LDADD) $(PCRE2_LIBS)

# Builds tests/plugins/good.c against the installed header and .pc only.
TESTS += tests/out-of-tree.sh
EXTRA_DIST += tests/out-of-tree.sh
