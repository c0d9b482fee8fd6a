"""``$/cancelRequest`` through the real server (issue 8): a cancelled request is answered, with
RequestCancelled (-32800) or with its result, never with anything else; the server never dies of it
and answers every later request.

The workspace is ``thread_config_read`` plus 300 filler modules (12,000 functions), so a pull sent
while the first full run is going is certainly still pending when its cancel arrives: the pull only
answers after a run that includes every change, and that run takes seconds.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcRequestCancelled
from pytest_lsp import LanguageClient

from lsp_support import TIMEOUT, change, copy_case, open_file, start
from session_support import hover, internal_errors, logged_session, pull, server_alive

FILLERS = 300
GOOD_LINE = 5  # app/reports.py: current_app.config[...]


def big_workspace(tmp_path: Path) -> Path:
    project = copy_case("thread_config_read", tmp_path) / "project"
    filler = project / "app" / "filler"
    filler.mkdir()
    (filler / "__init__.py").write_text("")
    for number in range(FILLERS):
        following = (number + 1) % FILLERS
        parts = [f"from flask import current_app, has_app_context\n\nfrom app.filler import m{following}\n\n"]
        for k in range(40):
            parts.append(f"\ndef f{k}(value):\n    if has_app_context():\n"
                         f"        return current_app.config.get('K{k}', value)\n"
                         f"    return m{following}.f{(k + 1) % 40}(value + {k})\n\n")
        (filler / f"m{number}.py").write_text("".join(parts))
    return project


def send(client: LanguageClient, method: str, params: Any, msg_id: str) -> Future[Any]:
    return client.protocol.send_request(method, params, msg_id=msg_id)


def cancel(client: LanguageClient, msg_id: str) -> None:
    client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id=msg_id))


async def outcome(future: Future[Any]) -> str:
    """'cancelled' (the -32800 error) or 'answered'; any other error fails the test, with its text."""
    try:
        await asyncio.wait_for(asyncio.wrap_future(future), TIMEOUT)
    except JsonRpcRequestCancelled as error:
        assert error.code == -32800
        return "cancelled"
    return "answered"


def pull_params(uri: str) -> types.DocumentDiagnosticParams:
    return types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri))


def hover_params(uri: str) -> types.HoverParams:
    return types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(GOOD_LINE - 1, 20))


def code_action_params(uri: str) -> types.CodeActionParams:
    start_of_file = types.Range(types.Position(0, 0), types.Position(GOOD_LINE, 0))
    return types.CodeActionParams(types.TextDocumentIdentifier(uri), start_of_file,
                                  types.CodeActionContext(diagnostics=[]))


async def still_serving(client: LanguageClient, uri: str, findings: set[tuple[int, str]]) -> None:
    """Later requests work: a pull with the expected findings, a hover, a code action."""
    assert {(d.range.start.line + 1, str(d.code)) for d in await pull(client, uri)} == findings
    answer = await hover(client, uri, GOOD_LINE - 1, 20)
    if findings:
        assert answer is not None and isinstance(answer.contents, types.MarkupContent)
        assert "FCX101" in answer.contents.value
    actions = await asyncio.wait_for(client.text_document_code_action_async(code_action_params(uri)), TIMEOUT)
    assert actions is not None
    assert server_alive(client)


async def test_a_pending_pull_is_cancelled(tmp_path: Path) -> None:
    """The first pull (waiting for the initial run over 300 modules) is cancelled at once: the
    server must reply RequestCancelled, without waiting for the run to end; a second, uncancelled
    pull sent at the same moment gets the real finding."""
    project = big_workspace(tmp_path)
    log = tmp_path / "server.log"
    async with logged_session(log) as client:
        await asyncio.wait_for(start(client, project, "neovim"), TIMEOUT)
        uri = open_file(client, project / "app" / "reports.py")
        started = time.monotonic()
        cancelled = send(client, types.TEXT_DOCUMENT_DIAGNOSTIC, pull_params(uri), "pull-to-cancel")
        cancel(client, "pull-to-cancel")
        kept = send(client, types.TEXT_DOCUMENT_DIAGNOSTIC, pull_params(uri), "pull-to-keep")
        assert await outcome(cancelled) == "cancelled"
        cancelled_after = time.monotonic() - started
        assert await outcome(kept) == "answered"
        kept_after = time.monotonic() - started
        report = kept.result()
        assert {(d.range.start.line + 1, str(d.code)) for d in report.items} == {(GOOD_LINE, "FCX101")}
        # The cancel was honoured while the run was going, not answered once it had ended.
        print(f"cancelled after {cancelled_after:.3f} s, kept pull answered after {kept_after:.3f} s")
        assert cancelled_after < min(1.0, kept_after), (cancelled_after, kept_after)
        await still_serving(client, uri, {(GOOD_LINE, "FCX101")})
    assert internal_errors(log) == [], "\n".join(internal_errors(log))


async def test_cancel_storm_keeps_the_server_whole(tmp_path: Path) -> None:
    """40 rounds of edit + pull + hover + code action, each request cancelled at once or after a
    few milliseconds (a fixed pattern), plus cancels for ids that never existed or already ended.
    Every request is answered (result or -32800), the server stays up, and the final pull is right."""
    project = big_workspace(tmp_path)
    log = tmp_path / "server.log"
    reports = project / "app" / "reports.py"
    buggy = reports.read_text()
    fixed = buggy.replace('current_app.config["REPORT_RECIPIENT"]', '"ops@example.com"')
    assert fixed != buggy
    outcomes: dict[str, dict[str, int]] = {}
    async with logged_session(log) as client:
        await asyncio.wait_for(start(client, project, "neovim"), TIMEOUT)
        uri = open_file(client, reports)
        await pull(client, uri)  # the initial run is over: the storm is about edits, not start-up
        requests: list[tuple[str, Future[Any]]] = []
        for round_number in range(40):
            change(client, uri, round_number + 2, fixed if round_number % 2 else buggy + f"# {round_number}\n")
            batch = [(types.TEXT_DOCUMENT_DIAGNOSTIC, pull_params(uri)), (types.TEXT_DOCUMENT_HOVER, hover_params(uri)),
                     (types.TEXT_DOCUMENT_CODE_ACTION, code_action_params(uri))]
            for method, params in batch:
                msg_id = f"{method}-{round_number}"
                requests.append((method, send(client, method, params, msg_id)))
                if round_number % 4:
                    await asyncio.sleep((round_number % 4) * 0.005)  # 5-15 ms: sometimes mid-run, sometimes done
                cancel(client, msg_id)
            cancel(client, f"never-sent-{round_number}")
            cancel(client, f"{types.TEXT_DOCUMENT_HOVER}-{round_number - 1}")  # answered long ago
        for method, future in requests:
            result = await outcome(future)
            outcomes.setdefault(method, {}).setdefault(result, 0)
            outcomes[method][result] += 1
        # The last edit (round 39) is the fixed text: no finding may remain.
        await still_serving(client, uri, set())
        change(client, uri, 100, buggy)
        await still_serving(client, uri, {(GOOD_LINE, "FCX101")})
    assert sum(sum(counts.values()) for counts in outcomes.values()) == 120, outcomes
    print("outcomes per method:", outcomes)
    assert internal_errors(log) == [], "\n".join(internal_errors(log))
