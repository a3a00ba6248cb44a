#!/bin/sh
# stmtlint.sh - the built stmtlint under valgrind memcheck: what the shell
# tests get as $STMTLINT in `make check-valgrind`.
: "${BUILDDIR:?set by the test harness}"
exec "$(dirname "$0")/memcheck.sh" "$BUILDDIR/src/stmtlint" "$@"
