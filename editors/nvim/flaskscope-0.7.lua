-- flaskscope for Neovim 0.7 (Debian bookworm's neovim 0.7.2). On 0.8-0.10 use flaskscope-0.8.lua,
-- on 0.11+ lsp/flaskscope.lua. Paste into init.lua, or save as ~/.config/nvim/plugin/flaskscope.lua.
-- Needs `flaskscope` on $PATH (or put its full path in `cmd`).
-- Logs: cmd = { 'flaskscope', 'server', '-v', '--log-file', '/tmp/flaskscope.log' }
local cmd = { 'flaskscope', 'server' }
local root_markers = { 'pyproject.toml', 'setup.cfg', 'setup.py', '.git' }
-- Neovim 0.7 does not advertise workspace/configuration, so the server takes its settings from
-- initializationOptions; they are also kept under `settings` for servers that ask.
local settings = {
  -- select = { 'FCX101', 'FCX102', 'FCX103' }, -- only these rules (default: all)
  ignore = {}, -- turn these rules off, e.g. { 'FCX105' }
  -- severity = { FCX104 = 'error' },         -- error | warning | information | hint
  debounceMs = 200, -- pause after typing before re-analysing
}

local clients = {} -- root directory -> client id: one server per project

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs(root_markers) do -- in order of priority, like lspconfig
    local found = vim.fn.findfile(marker, start .. ';')
    if found == '' and marker == '.git' then
      found = vim.fn.finddir(marker, start .. ';')
    end
    if found ~= '' then
      local dir = vim.fn.fnamemodify(found, ':p:h') -- for '.git', the .git folder itself
      return (dir:gsub('/%.git$', ''))
    end
  end
  return vim.fn.getcwd()
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'python',
  group = vim.api.nvim_create_augroup('flaskscope', { clear = true }),
  callback = function(args)
    local root = root_dir(args.buf)
    local id = clients[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client({
        name = 'flaskscope',
        cmd = cmd,
        root_dir = root,
        init_options = settings,
        settings = { flaskscope = settings },
      })
      clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
