# The acronyms plugin, and the registry's list of well-known acronyms.
pkglib_LTLIBRARIES += plugins/acronyms.la
plugins_acronyms_la_SOURCES = plugins/acronyms/acronyms.c \
	plugins/acronyms/acrodefs.c plugins/acronyms/acrodefs.h \
	plugins/acronyms/acronames.c plugins/acronyms/acronames.h \
	plugins/acronyms/acrofit.c plugins/acronyms/acrofit.h \
	plugins/acronyms/acroknown.c plugins/acronyms/acroknown.h \
	plugins/acronyms/acrotoken.c plugins/acronyms/acrotoken.h \
	plugins/acronyms/dataroots.c plugins/acronyms/dataroots.h \
	plugins/terms/textctx.c plugins/terms/textctx.h
plugins_acronyms_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/plugins/terms
plugins_acronyms_la_LDFLAGS = $(PLUGIN_LDFLAGS)

wellknowndir = $(pkgdatadir)/agencies
dist_wellknown_DATA = rules/agencies/well-known.yaml

# The acronyms and terms plugins on copies of the reference draft with one
# defect each, and their configuration errors.
TESTS += tests/names-tests.sh
dist_check_SCRIPTS += tests/names-tests.sh
EXTRA_DIST += tests/names
# What the names plugins cost (bench/run calls it).
EXTRA_DIST += bench/names
