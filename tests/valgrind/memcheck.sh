#!/bin/sh
# memcheck.sh PROGRAM [ARG]... - runs PROGRAM under valgrind memcheck for
# `make check-valgrind`, which passes it as LOG_COMPILER for the unit test
# programs; stmtlint.sh runs the CLI through it.  Any memory error or leak
# (definite, indirect or possible) makes PROGRAM exit with VALGRIND_EXIT,
# which no test expects (stmtlint itself exits 0, 1 or 2), so the test fails.
# Each process writes its own log to VALGRIND_LOG_DIR; check-valgrind prints
# the ones that report a problem.
: "${VALGRIND_LOG_DIR:?set by make check-valgrind}"
name=$(basename "$1")
# --smc-check=all-non-file: PCRE2's JIT writes machine code into memory it
# reuses after a pattern is freed; valgrind must see that code change.
exec ${VALGRIND:-valgrind} --tool=memcheck \
	--leak-check=full \
	--show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible \
	--error-exitcode="${VALGRIND_EXIT:-86}" \
	--track-origins=yes \
	--smc-check=all-non-file \
	--num-callers=30 \
	--suppressions="$(dirname "$0")/memcheck.supp" \
	--log-file="$VALGRIND_LOG_DIR/$name.%p.log" \
	"$@"
