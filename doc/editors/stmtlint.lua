-- stmtlint as a language server for drafts in Neovim (0.7 or later): put
-- this in init.lua (or :luafile it).  Text and Markdown buffers get
-- stmtlint's findings as diagnostics while you type, with quick fixes
-- (:lua vim.lsp.buf.code_action()).  One server serves every buffer.
local stmtlint_client
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "text", "markdown" },
  callback = function(args)
    if not stmtlint_client then
      stmtlint_client = vim.lsp.start_client({
        name = "stmtlint",
        cmd = { vim.env.STMTLINT or "stmtlint", "--lsp" },
        root_dir = vim.fn.getcwd(),
      })
    end
    vim.lsp.buf_attach_client(args.buf, stmtlint_client)
  end,
})
