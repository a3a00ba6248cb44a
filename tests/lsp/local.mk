# The language server (stmtlint --lsp) driven by a scripted client, and the
# HTML report rendered in a browser and Neovim's LSP client when installed.
TESTS += tests/lsp-session.sh tests/lsp-bad-input.sh
dist_check_SCRIPTS += tests/lsp-session.sh tests/lsp-bad-input.sh
EXTRA_DIST += tests/lsp/lspclient.py tests/lsp/session.py tests/lsp/bad_input.py
