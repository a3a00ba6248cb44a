#!/bin/sh
# lsp-bad-input.sh - runs tests/lsp/bad_input.py (TAP) against $STMTLINT --lsp; skipped
# without python3.
: "${STMTLINT:?}" "${SRCDIR:?}"
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is not installed"
	exit 0
fi
exec python3 "$SRCDIR/tests/lsp/bad_input.py"
