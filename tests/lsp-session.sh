#!/bin/sh
# lsp-session.sh - a whole LSP session, in UTF-8 and UTF-16: tests/lsp/session.py (TAP) against $STMTLINT --lsp; skipped
# without python3.
: "${STMTLINT:?}" "${SRCDIR:?}"
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is not installed"
	exit 0
fi
exec python3 "$SRCDIR/tests/lsp/session.py"
