---@brief
---
--- https://github.com/flaskscope/flaskscope
---
--- flaskscope finds Flask code that will crash with "Working outside of application/request
--- context" before it runs (threads, Celery tasks, scheduler jobs, import-time code, scripts,
--- tests, CLI commands...), and shows the call chain that gets there. Install it so that
--- `flaskscope` is on `$PATH` (for example in the project's virtualenv, from a checkout):
---
--- ```sh
--- pip install -e path/to/flaskscope
--- ```
---
--- Copy this file to `~/.config/nvim/lsp/flaskscope.lua` (Neovim 0.11+), then:
---
--- ```lua
--- vim.lsp.enable('flaskscope')
--- ```
---
--- Settings (all optional) are served to the server's `workspace/configuration` request:
---
--- ```lua
--- vim.lsp.config('flaskscope', {
---   settings = {
---     flaskscope = {
---       select = { 'FCX101', 'FCX102', 'FCX103' }, -- only these rules (default: all)
---       ignore = { 'FCX105' },                     -- turn these rules off
---       severity = { FCX104 = 'error' },           -- error | warning | information | hint
---       debounceMs = 200,                          -- pause after typing before re-analysing
---     },
---   },
--- })
--- ```
---
--- Logs: `cmd = { 'flaskscope', 'server', '-v', '--log-file', '/tmp/flaskscope.log' }`.

---@type vim.lsp.Config
return {
  cmd = { 'flaskscope', 'server' },
  filetypes = { 'python' },
  root_markers = { 'pyproject.toml', 'setup.cfg', 'setup.py', '.git' },
  settings = {
    flaskscope = {
      ignore = {},
      debounceMs = 200,
    },
  },
}
