# The terms plugin, and the groups of forms it reads (rules/terms/).
pkglib_LTLIBRARIES += plugins/terms.la
plugins_terms_la_SOURCES = plugins/terms/terms.c plugins/terms/termgroups.c \
	plugins/terms/termgroups.h plugins/terms/textctx.c plugins/terms/textctx.h \
	plugins/acronyms/dataroots.c plugins/acronyms/dataroots.h
plugins_terms_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/plugins/acronyms
plugins_terms_la_LDFLAGS = $(PLUGIN_LDFLAGS)

termsdir = $(pkgdatadir)/terms
dist_terms_DATA = $(wildcard $(srcdir)/rules/terms/*.yaml)
