-- flaskscope for Neovim 0.8, 0.9 and 0.10 (on 0.11+ use lsp/flaskscope.lua instead).
-- Paste into init.lua, or save as ~/.config/nvim/plugin/flaskscope.lua.
-- Needs `flaskscope` on $PATH (or put its full path in `cmd`).
-- Logs: cmd = { 'flaskscope', 'server', '-v', '--log-file', '/tmp/flaskscope.log' }
local cmd = { 'flaskscope', 'server' }
local root_markers = { 'pyproject.toml', 'setup.cfg', 'setup.py', '.git' }
-- Sent as initializationOptions and served to workspace/configuration (section "flaskscope").
local settings = {
  -- select = { 'FCX101', 'FCX102', 'FCX103' }, -- only these rules (default: all)
  ignore = {}, -- turn these rules off, e.g. { 'FCX105' }
  -- severity = { FCX104 = 'error' },         -- error | warning | information | hint
  debounceMs = 200, -- pause after typing before re-analysing
}

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= '' and vim.fs.dirname(name) or vim.loop.cwd()
  for _, marker in ipairs(root_markers) do -- in order of priority, like lspconfig
    local found = vim.fs.find(marker, { path = start, upward = true })[1]
    if found then
      return vim.fs.dirname(found)
    end
  end
  return vim.loop.cwd()
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'python',
  group = vim.api.nvim_create_augroup('flaskscope', { clear = true }),
  callback = function(args)
    -- vim.lsp.start reuses the running client with the same name and root_dir, and attaches to
    -- the current buffer on 0.8 (no `bufnr` option before 0.9): make args.buf current, since
    -- buffers loaded in the background (a quick fix that edits another file) are not.
    vim.api.nvim_buf_call(args.buf, function()
      vim.lsp.start({
        name = 'flaskscope',
        cmd = cmd,
        root_dir = root_dir(args.buf),
        init_options = settings,
        settings = { flaskscope = settings },
      }, { bufnr = args.buf })
    end)
  end,
})
