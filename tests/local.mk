# Tests: cmocka unit tests and golden tests, all under the TAP driver.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
TEST_EXTENSIONS = .sh
AM_TESTS_ENVIRONMENT = \
	CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	STMTLINT='$(abs_top_builddir)/src/stmtlint'; export STMTLINT; \
	SRCDIR='$(abs_top_srcdir)'; export SRCDIR; \
	BUILDDIR='$(abs_top_builddir)'; export BUILDDIR; \
	NO_COLOR=1; export NO_COLOR;

# Golden tests: tests/golden/RULE/NAME.{txt,md} beside NAME.out.
TESTS += tests/golden-tests.sh tests/corpus-tests.sh tests/bad-input.sh
dist_check_SCRIPTS += tests/golden-tests.sh tests/corpus-tests.sh tests/bad-input.sh
EXTRA_DIST += tests/golden tests/corpus
include tests/unit/local.mk
