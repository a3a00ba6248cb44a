-- nvim.lua - run by tests/editors/nvim_recipe.py in a headless Neovim:
-- the README's recipes as they are, doc/editors/stmtlint.lua (the
-- language server) and doc/editors/stmtlint.vim (:make), on the draft
-- named by $NVIM_TEST_DRAFT; writes what Neovim received to
-- $NVIM_TEST_OUT, one line each: "lsp LINE COL END_LINE END_COL SEVERITY MESSAGE"
-- (0-based, byte columns, as Neovim stores them), then "make LINE COL TYPE TEXT"
-- from the quickfix list (1-based), then "done".
local out = {}
local srcdir = vim.env.SRCDIR
dofile(srcdir .. "/doc/editors/stmtlint.lua")
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.NVIM_TEST_DRAFT))
local buf = vim.api.nvim_get_current_buf()
local got = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
if not got then
  table.insert(out, "timeout: no diagnostics")
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(out, string.format("lsp %d %d %d %d %d %s", d.lnum, d.col, d.end_lnum, d.end_col,
                                  d.severity, d.message))
end
vim.cmd("source " .. vim.fn.fnameescape(srcdir .. "/doc/editors/stmtlint.vim"))
vim.bo.makeprg = (vim.bo.makeprg:gsub("^stmtlint", vim.fn.escape(vim.env.STMTLINT, " \\")))
vim.cmd("silent make!")
for _, q in ipairs(vim.fn.getqflist()) do
  if q.valid == 1 then
    table.insert(out, string.format("make %d %d %s %s", q.lnum, q.col, q.type, q.text))
  end
end
table.insert(out, "done")
vim.fn.writefile(out, vim.env.NVIM_TEST_OUT)
vim.cmd("qall!")
