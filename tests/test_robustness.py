"""The server under hostile conditions: floods of edits, shutdown mid-analysis, a dead parent,
workspace code that would run if imported. Real server process, real protocol."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from lsp_support import SERVER, change, copy_case, open_file, start, wait_for, wait_for_diagnostics

ROOT = Path(__file__).resolve().parent.parent


def cli_findings(project: Path) -> set[tuple[str, int, str]]:
    proc = subprocess.run([sys.executable, "-m", "flaskscope", "check", "--format", "json", "."], cwd=project,
                          capture_output=True, text=True, timeout=120)
    return {(d["path"], d["line"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]}


async def test_flood_of_edits_stays_responsive_and_ends_right(client: LanguageClient, tmp_path: Path) -> None:
    """1,000 didChange in a burst on one file and on 20 files: hover answers within 1 s during the
    burst, and the final diagnostics are those of the final text."""
    project = copy_case("thread_config_read", tmp_path) / "project"
    for number in range(20):
        (project / "app" / f"extra_{number}.py").write_text(f"VALUE = {number}\n")
    await start(client, project)
    reports = project / "app" / "reports.py"
    uri = open_file(client, reports)
    await wait_for_diagnostics(client, uri)
    extras = [open_file(client, project / "app" / f"extra_{n}.py") for n in range(20)]
    text = reports.read_text()
    fixed = text.replace('current_app.config["REPORT_RECIPIENT"]', '"ops@example.com"')
    for version in range(2, 1002):
        change(client, uri, version, fixed if version % 2 else text + f"# {version}\n")
        change(client, extras[version % 20], version, f"VALUE = {version}\n")
        if version % 250 == 0:
            started = time.monotonic()
            await client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), types.Position(4, 20)))
            assert time.monotonic() - started < 1.0
    # The last text (version 1001) is the fixed one: no finding may remain once it is analysed.
    while client.diagnostics.get(uri):
        await wait_for(client, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    reports.write_text(fixed)
    assert cli_findings(project) == set()


def test_shutdown_and_exit_mid_analysis_within_2_seconds(tmp_path: Path) -> None:
    """A big workspace is still being indexed when the editor quits."""
    workspace = tmp_path / "ws"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--lines", "20000", "--out", str(workspace)],
                   check=True, capture_output=True, timeout=120)
    process = subprocess.Popen([sys.executable, "-m", "flaskscope", "server"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def send(message: dict[str, object]) -> None:
        body = json.dumps(message).encode()
        assert process.stdin is not None
        process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        process.stdin.flush()

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"capabilities": {}, "rootUri": workspace.as_uri(), "processId": os.getpid()}})
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    time.sleep(0.5)  # indexing has started
    started = time.monotonic()
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    process.wait(timeout=10)
    assert time.monotonic() - started < 2.0


def test_server_exits_when_its_parent_dies(tmp_path: Path) -> None:
    """The editor crashes: no shutdown, no exit. The server notices its processId is gone."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import json, subprocess, sys, time\n"
        "p = subprocess.Popen([sys.executable, '-m', 'flaskscope', 'server'], stdin=subprocess.PIPE,\n"
        "                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "import os\n"
        "body = json.dumps({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize',\n"
        "                   'params': {'capabilities': {}, 'processId': os.getpid()}}).encode()\n"
        "p.stdin.write(b'Content-Length: %d\\r\\n\\r\\n' % len(body) + body); p.stdin.flush()\n"
        "print(p.pid, flush=True)\n"
        "time.sleep(1.5)\n"
        "os._exit(0)  # crash without shutdown/exit; the server's stdin stays open (inherited below)\n")
    editor = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert editor.stdout is not None
    server_pid = int(editor.stdout.readline())
    editor.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(server_pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(server_pid, 9)
    raise AssertionError("the server outlived its parent by more than 5 s")


async def test_workspace_code_never_runs_in_a_server_session(client: LanguageClient, tmp_path: Path) -> None:
    project = copy_case("thread_config_read", tmp_path) / "project"
    marker = tmp_path / "ran.marker"
    payload = f"open({str(marker)!r}, 'w').write('ran')\n"
    for name in ("sitecustomize.py", "conftest.py", "setup.py", "app/evil.py"):
        (project / name).write_text(payload)
    reports = project / "app" / "reports.py"
    reports.write_text(payload + reports.read_text())
    await start(client, project)
    uri = open_file(client, reports)
    [diagnostic] = await wait_for_diagnostics(client, uri)
    await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), diagnostic.range.start))
    await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), diagnostic.range, types.CodeActionContext(diagnostics=[diagnostic])))
    assert not marker.exists()


async def test_nothing_is_written_outside_the_workspace(tmp_path: Path) -> None:
    """A check and a server session (with jedi answering a call) leave the user's home and cache untouched.

    jedi's parser would pickle library modules under ``$XDG_CACHE_HOME``; flaskscope keeps them in
    memory. The workspace's own ``.flaskscope_cache/`` is the only place the CLI writes.
    """
    project = copy_case("notifier_registry_jedi", tmp_path) / "project"
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local" / "share")}
    proc = subprocess.run([sys.executable, "-m", "flaskscope", "check", "."], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr  # jedi resolved the call that leads to the finding
    config = ClientServerConfig(server_command=SERVER.server_command, server_env=env)
    client = await config.start()
    assert isinstance(client, LanguageClient)
    try:
        await start(client, project, "neovim")
        uri = open_file(client, project / "app" / "channels.py")
        report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri)))
        assert [d.range.start.line + 1 for d in report.items] == [6]
        await client.shutdown_session()
    finally:
        await client.stop()
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == []
    written = {p.relative_to(project).parts[0] for p in project.rglob("*")} - {"app", "expected.json"}
    assert written <= {".flaskscope_cache"}, written
