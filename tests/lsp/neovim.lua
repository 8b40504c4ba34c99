-- Neovim's built-in LSP client (0.7 or newer) drives `qovery-lint lsp` on one payload and
-- writes what the editor shows to $OUT: the diagnostics, a hover and a completion.
-- Run by tests/lsp_stdio.rs as `nvim --headless -u NONE -c 'luafile tests/lsp/neovim.lua'`.
local bin = os.getenv('QOVERY_LINT_BIN')
local payload = os.getenv('PAYLOAD')
local out = os.getenv('OUT')
local lines = {}

vim.cmd('edit ' .. vim.fn.fnameescape(payload))
local buf = vim.api.nvim_get_current_buf()
-- The set-up of docs/editors.md ("Neovim, built-in client").
local client = vim.lsp.start_client({
  name = 'qovery-lint',
  cmd = { bin, 'lsp' },
  root_dir = vim.fn.fnamemodify(payload, ':p:h'),
})
vim.lsp.buf_attach_client(buf, client)

local shown = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
if not shown then
  table.insert(lines, 'no diagnostics')
end
local diagnostics = vim.diagnostic.get(buf)
table.sort(diagnostics, function(a, b)
  return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
end)
for _, d in ipairs(diagnostics) do
  table.insert(lines, string.format('%d:%d-%d:%d %d %s %s', d.lnum, d.col, d.end_lnum, d.end_col,
    d.severity, tostring(d.code), d.source))
end

local uri = vim.uri_from_bufnr(buf)
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
  { textDocument = { uri = uri }, position = { line = 5, character = 4 } }, 10000)
for _, response in pairs(hover or {}) do
  if response.result then
    table.insert(lines, 'hover: ' .. vim.split(response.result.contents.value, '\n')[1])
  end
end

local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
  { textDocument = { uri = uri }, position = { line = 8, character = 6 } }, 10000)
for _, response in pairs(completion or {}) do
  local labels = {}
  for _, item in ipairs(response.result or {}) do
    table.insert(labels, item.label)
  end
  table.insert(lines, 'completion: ' .. table.concat(labels, ' '))
end

vim.fn.writefile(lines, out)
vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 20)
vim.cmd('qa!')
