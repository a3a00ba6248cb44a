" stmtlint with Vim's :make (or Neovim's): the quickfix list gets one entry
" per finding, its column in bytes as Vim's %c counts.  :compiler-style
" settings for a buffer; source this file, or put it in
" ~/.vim/after/ftplugin/text.vim and markdown.vim.
setlocal makeprg=stmtlint\ --color=never\ --column-unit=byte\ -q\ %
setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m,%-G%.%#
