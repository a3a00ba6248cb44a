#!/bin/sh
# vscode-matcher.sh - the README's VS Code problem matcher on stmtlint's
# text output: tests/editors/vscode_matcher.py (TAP); skipped without python3.
: "${STMTLINT:?}" "${SRCDIR:?}"
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is not installed"
	exit 0
fi
exec python3 "$SRCDIR/tests/editors/vscode_matcher.py"
