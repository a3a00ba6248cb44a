# Tests: cmocka unit tests and golden tests, all under the TAP driver.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
TEST_EXTENSIONS = .sh
AM_TESTS_ENVIRONMENT = \
	CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	STMTLINT='$(abs_top_builddir)/src/stmtlint'; export STMTLINT; \
	SRCDIR='$(abs_top_srcdir)'; export SRCDIR; \
	BUILDDIR='$(abs_top_builddir)'; export BUILDDIR; \
	NO_COLOR=1; export NO_COLOR; \
	LSAN_OPTIONS="$${LSAN_OPTIONS-use_tls=0:print_suppressions=0}"; export LSAN_OPTIONS;
# use_tls=0: LeakSanitizer (GCC 12) misreads the dynamic TLS blocks of a
# library a plugin loads with dlopen (libhunspell holds some) and dies at
# exit ("Tracer caught signal 11") when a further plugin is loaded; leaks
# reachable only from TLS are not looked for (the guard's signal stacks are
# also on a list), and the count of LSan's own suppressions of TLS blocks is
# not printed into the outputs the tests compare.  No effect without ASan.

# Golden tests: tests/golden/RULE/NAME.{txt,md} beside NAME.out.
TESTS += tests/golden-tests.sh tests/corpus-tests.sh tests/bad-input.sh tests/platform.sh \
	tests/plugin-faults.sh tests/confinement.sh
dist_check_SCRIPTS += tests/golden-tests.sh tests/corpus-tests.sh tests/bad-input.sh \
	tests/platform.sh tests/plugin-faults.sh tests/confinement.sh

# make install into a staging folder and into two prefixes in turn.
TESTS += tests/install.sh
dist_check_SCRIPTS += tests/install.sh
EXTRA_DIST += tests/tap.sh
# Escaped control characters, JSON strings, column units, huge lines.
TESTS += tests/output-escape.sh
dist_check_SCRIPTS += tests/output-escape.sh
# The labels of the published statements in ../shared/corpus/real.
TESTS += tests/realcheck.sh
dist_check_SCRIPTS += tests/realcheck.sh
# The CI gate (issue 14): --fix and --diff with their bad input; SARIF,
# GitHub annotations, -j, --exclude and ignore:, --fail-on in every format;
# the pre-commit hooks and the example workflow, run offline.
TESTS += tests/fix.sh tests/ci-formats.sh tests/recipes.sh
dist_check_SCRIPTS += tests/fix.sh tests/ci-formats.sh tests/recipes.sh
# GOLDEN_UPDATE cannot make a golden test pass under CI.
TESTS += tests/golden-update-refused.sh
dist_check_SCRIPTS += tests/golden-update-refused.sh
EXTRA_DIST += tests/golden tests/corpus tests/README.md
include tests/unit/local.mk

# make check-valgrind: the same suite again, every unit test program (as
# LOG_COMPILER) and every stmtlint run (through $STMTLINT) under valgrind
# memcheck; tests/valgrind/memcheck.sh has the flags.  A memory error or a
# leak makes the process exit with VALGRIND_EXIT, so its test fails; the
# target then prints every valgrind log that reports a problem and fails.
# Logs of clean runs are deleted.  A test that runs other programs itself
# runs them as $VALGRIND_MEMCHECK PROGRAM (tests/fuzz/replay.sh does).  A
# test too slow under valgrind may do less when STMTLINT_UNDER_VALGRIND is
# set (saying why in a comment).
VALGRIND = valgrind
VALGRIND_EXIT = 86
VALGRIND_LOG_DIR = $(abs_top_builddir)/tests/valgrind/logs
VALGRIND_TESTS_ENVIRONMENT = \
	STMTLINT=$(abs_top_srcdir)/tests/valgrind/stmtlint.sh; export STMTLINT; \
	VALGRIND_MEMCHECK=$(abs_top_srcdir)/tests/valgrind/memcheck.sh; \
	export VALGRIND_MEMCHECK; \
	STMTLINT_UNDER_VALGRIND=1; export STMTLINT_UNDER_VALGRIND; \
	VALGRIND=$(VALGRIND); export VALGRIND; \
	VALGRIND_EXIT=$(VALGRIND_EXIT); export VALGRIND_EXIT; \
	VALGRIND_LOG_DIR=$(VALGRIND_LOG_DIR); export VALGRIND_LOG_DIR;
EXTRA_DIST += tests/valgrind/memcheck.sh tests/valgrind/stmtlint.sh \
	tests/valgrind/memcheck.supp

check-valgrind:
	@if ! command -v $(VALGRIND) >/dev/null 2>&1; then \
		echo "check-valgrind: $(VALGRIND) not found" >&2; exit 1; fi
	@if test -n '$(SAN_CFLAGS)'; then \
		echo "check-valgrind: needs a build without sanitizers" >&2; exit 1; fi
	@rm -rf '$(VALGRIND_LOG_DIR)'
	@$(MKDIR_P) '$(VALGRIND_LOG_DIR)'
	@status=0; \
	$(MAKE) $(AM_MAKEFLAGS) check \
		LOG_COMPILER='$(abs_top_srcdir)/tests/valgrind/memcheck.sh' \
		TEST_SUITE_LOG=tests/valgrind/test-suite.log \
		TESTS_ENVIRONMENT='$(VALGRIND_TESTS_ENVIRONMENT)' || status=$$?; \
	runs=0; bad=0; \
	for log in '$(VALGRIND_LOG_DIR)'/*.log; do \
		test -f "$$log" || continue; \
		runs=$$((runs + 1)); \
		if grep -q 'ERROR SUMMARY: 0 errors' "$$log" && \
		   ! grep -q 'Process terminating' "$$log"; then \
			rm -f "$$log"; \
		else \
			bad=$$((bad + 1)); echo "==== $$log"; cat "$$log"; \
		fi; \
	done; \
	echo "check-valgrind: $$runs processes under memcheck, $$bad with a problem"; \
	if test $$runs -eq 0 || test $$bad -ne 0; then status=1; fi; \
	exit $$status

clean-local: check-valgrind-clean
check-valgrind-clean:
	-rm -rf '$(VALGRIND_LOG_DIR)' tests/valgrind/test-suite.log

.PHONY: check-valgrind check-valgrind-clean
include tests/lsp/local.mk
