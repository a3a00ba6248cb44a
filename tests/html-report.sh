#!/bin/sh
# html-report.sh - the HTML report rendered in headless Chromium:
# tests/html/render.py (TAP); skipped without python3 or chromium.
: "${STMTLINT:?}" "${SRCDIR:?}"
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is not installed"
	exit 0
fi
exec python3 "$SRCDIR/tests/html/render.py"
