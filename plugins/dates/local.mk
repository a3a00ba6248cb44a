# The dates plugin.  It reads dates with the core's recogniser (src/dateparse.c,
# compiled into the plugin too), so that the core and the plugin agree on
# what a date, and a date line, is.
pkglib_LTLIBRARIES += plugins/dates.la
plugins_dates_la_SOURCES = plugins/dates/dates.c plugins/dates/dates.h \
	plugins/dates/datecontext.c plugins/dates/datecontext.h \
	plugins/dates/datestyle.c plugins/dates/datestyle.h \
	src/dateparse.c src/dateparse.h
plugins_dates_la_LDFLAGS = $(PLUGIN_LDFLAGS)

check_PROGRAMS += tests/unit/test_dateparse
TESTS += tests/unit/test_dateparse
tests_unit_test_dateparse_SOURCES = tests/unit/test_dateparse.c src/dateparse.c
tests_unit_test_dateparse_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_dateparse_LDADD = $(CMOCKA_LIBS)
