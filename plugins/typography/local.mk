# The typography plugin: doubled words, spaces around punctuation,
# unbalanced parentheses and quotes, mixed quotes, hyphens for dashes.
pkglib_LTLIBRARIES += plugins/typography.la
plugins_typography_la_SOURCES = plugins/typography/typography.c plugins/typography/typography.h \
	plugins/typography/repeated.c plugins/typography/spacing.c plugins/typography/balance.c \
	plugins/typography/quotes.c plugins/typography/dashes.c
plugins_typography_la_LDFLAGS = $(PLUGIN_LDFLAGS)
# What brackets and typography cost (bench/run calls it).
EXTRA_DIST += bench/drafting
