# The structure plugin.
pkglib_LTLIBRARIES += plugins/structure.la
plugins_structure_la_SOURCES = plugins/structure/structure.c
plugins_structure_la_LDFLAGS = $(PLUGIN_LDFLAGS)
