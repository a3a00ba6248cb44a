# The brackets plugin: text in square brackets (not yet agreed) and
# placeholders left in a draft.
pkglib_LTLIBRARIES += plugins/brackets.la
plugins_brackets_la_SOURCES = plugins/brackets/brackets.c \
	plugins/brackets/pairs.c plugins/brackets/pairs.h \
	plugins/brackets/labels.c plugins/brackets/labels.h \
	plugins/brackets/placeholders.c plugins/brackets/placeholders.h
plugins_brackets_la_LDFLAGS = $(PLUGIN_LDFLAGS)

# The defects of issue 16 (brackets and typography) planted in copies of the
# reference draft, reported at their lines and columns.
TESTS += tests/drafting-defects.sh
dist_check_SCRIPTS += tests/drafting-defects.sh
