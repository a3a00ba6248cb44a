# The language server (stmtlint --lsp) driven by a scripted client, and the
# HTML report rendered in a browser and Neovim's LSP client when installed.
TESTS += tests/lsp-session.sh tests/lsp-bad-input.sh tests/html-report.sh \
	tests/nvim-recipe.sh
dist_check_SCRIPTS += tests/lsp-session.sh tests/lsp-bad-input.sh tests/html-report.sh \
	tests/nvim-recipe.sh
EXTRA_DIST += tests/lsp/lspclient.py tests/lsp/session.py tests/lsp/bad_input.py \
	tests/html/render.py tests/editors/nvim.lua tests/editors/nvim_recipe.py \
	doc/editors/stmtlint.lua doc/editors/stmtlint.vim doc/html-report.png
