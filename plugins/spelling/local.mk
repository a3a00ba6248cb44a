# The spelling plugin: Hunspell dictionaries (libhunspell) and the
# vocabulary of statements (rules/dictionaries/*.txt).
pkglib_LTLIBRARIES += plugins/spelling.la
plugins_spelling_la_SOURCES = plugins/spelling/spelling.c \
	plugins/spelling/spelldict.c plugins/spelling/spelldict.h \
	plugins/spelling/lexicon.c plugins/spelling/lexicon.h \
	plugins/spelling/vocab.c plugins/spelling/vocab.h \
	plugins/spelling/sources.c plugins/spelling/sources.h \
	plugins/spelling/wordscan.c plugins/spelling/wordscan.h \
	plugins/spelling/variants.c plugins/spelling/variants.h
plugins_spelling_la_CFLAGS = $(AM_CFLAGS) $(HUNSPELL_CFLAGS)
plugins_spelling_la_LIBADD = $(HUNSPELL_LIBS)
plugins_spelling_la_LDFLAGS = $(PLUGIN_LDFLAGS)

dictionariesdir = $(pkgdatadir)/dictionaries
dist_dictionaries_DATA = $(wildcard $(srcdir)/rules/dictionaries/*.txt)

# Suggestions, languages, dictionaries found through DICPATH, the reference draft.
TESTS += tests/spelling-tests.sh
dist_check_SCRIPTS += tests/spelling-tests.sh
EXTRA_DIST += tests/spelling/misspellings.tsv

# The spelling plugin against hunspell -l (bench/run calls it).
EXTRA_DIST += bench/spelling
