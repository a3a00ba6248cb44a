# The language server (stmtlint --lsp) driven by a scripted client, and the
# HTML report rendered in a browser, the editor recipes (Neovim when installed;
# the VS Code problem matcher on stmtlint's output).
TESTS += tests/lsp-session.sh tests/lsp-bad-input.sh tests/html-report.sh \
	tests/nvim-recipe.sh tests/vscode-matcher.sh
dist_check_SCRIPTS += tests/lsp-session.sh tests/lsp-bad-input.sh tests/html-report.sh \
	tests/nvim-recipe.sh tests/vscode-matcher.sh
EXTRA_DIST += tests/lsp/lspclient.py tests/lsp/session.py tests/lsp/bad_input.py \
	tests/html/render.py tests/editors/nvim.lua tests/editors/nvim_recipe.py \
	tests/editors/vscode_matcher.py \
	doc/editors/stmtlint.lua doc/editors/stmtlint.vim doc/html-report.png

# Positions, edits and URIs of the server's copy of a draft (cmocka).
check_PROGRAMS += tests/unit/test_lsp_text
TESTS += tests/unit/test_lsp_text
tests_unit_test_lsp_text_SOURCES = tests/unit/test_lsp_text.c
tests_unit_test_lsp_text_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_lsp_text_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_lsp_text_LDADD = $(CORE_TEST_LDADD)
EXTRA_DIST += bench/lsp

# The HTML report's marks and order (cmocka).
check_PROGRAMS += tests/unit/test_output_html
TESTS += tests/unit/test_output_html
tests_unit_test_output_html_SOURCES = tests/unit/test_output_html.c
tests_unit_test_output_html_CPPFLAGS = $(CORE_TEST_CPPFLAGS)
tests_unit_test_output_html_CFLAGS = $(CORE_TEST_CFLAGS)
tests_unit_test_output_html_LDADD = $(CORE_TEST_LDADD)
