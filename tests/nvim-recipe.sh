#!/bin/sh
# nvim-recipe.sh - the README's Neovim recipes (LSP client and :make) in a
# headless Neovim: tests/editors/nvim_recipe.py (TAP); skipped without
# python3 or nvim.
: "${STMTLINT:?}" "${SRCDIR:?}"
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is not installed"
	exit 0
fi
exec python3 "$SRCDIR/tests/editors/nvim_recipe.py"
