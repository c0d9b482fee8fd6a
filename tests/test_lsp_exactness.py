"""The language server serves what it publishes, at once, and per entry point (issue 17).

Real ``flaskscope server`` over stdio (pytest-lsp).
"""

from __future__ import annotations

import asyncio
import textwrap
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_support import open_file, start, wait_for, wait_for_diagnostics
from test_exactness import PROVIDER_FUNCTION_PROJECT, PROXY_NAMED_PARAMETERS, TWO_THREADS

JOBS = ("import threading\nfrom flask import Flask, current_app\n\napp = Flask(__name__)\n\n\n"
        "def job():\n    print(current_app.name)\n\n\nthreading.Thread(target=job).start()\n")


async def test_hover_and_code_action_in_the_same_moment_as_the_first_publication(
        client: LanguageClient, tmp_path: Path) -> None:
    """A workspace big enough that the first diagnostics come from the open file's early run: a
    hover and a code action sent the moment they arrive are answered from that same state."""
    (tmp_path / "jobs.py").write_text(JOBS)
    filler = tmp_path / "filler"
    filler.mkdir()
    for number in range(600):
        (filler / f"m{number}.py").write_text(
            "".join(f"def f{k}(x):\n    return [y * {k} for y in range(x) if y % 3]\n\n\n" for k in range(12)))
    await start(client, tmp_path)
    uri = open_file(client, tmp_path / "jobs.py")
    [diagnostic] = await wait_for_diagnostics(client, uri)
    hover, actions = await asyncio.gather(
        client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri),
                                                           diagnostic.range.start)),
        client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), diagnostic.range,
            types.CodeActionContext(diagnostics=[diagnostic]))))
    assert hover is not None and "FCX101" in hover.contents.value  # type: ignore[union-attr]
    assert actions and any(action.kind == types.CodeActionKind.QuickFix for action in actions)


async def test_a_suppressed_thread_leaves_the_other_reported_and_explained(client: LanguageClient,
                                                                          tmp_path: Path) -> None:
    path = tmp_path / "work.py"
    path.write_text(TWO_THREADS.format(first="  # noqa: FCX101", second=""))
    await start(client, tmp_path)
    uri = open_file(client, path)
    diagnostics = await wait_for_diagnostics(client, uri)
    while not diagnostics:
        await wait_for(client, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        diagnostics = client.diagnostics[uri]
    [diagnostic] = diagnostics
    assert "started at work.py:19" in diagnostic.message
    on_second_root = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(18, 10)))
    assert on_second_root is not None and "current_app" in on_second_root.contents.value  # type: ignore[union-attr]


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")


async def _settled(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The file's diagnostics once it has some (the early run of an open file may publish none)."""
    diagnostics = await wait_for_diagnostics(client, uri)
    while not diagnostics:
        await wait_for(client, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        diagnostics = client.diagnostics[uri]
    return diagnostics


async def test_a_provider_declared_in_the_configuration_applies_to_a_project_function(
        client: LanguageClient, tmp_path: Path) -> None:
    _write(tmp_path, PROVIDER_FUNCTION_PROJECT)
    await start(client, tmp_path)
    uri = open_file(client, tmp_path / "shop" / "__init__.py")
    [diagnostic] = await _settled(client, uri)
    assert "tests/test_shop.py:10" in diagnostic.message  # the undecorated test only


async def test_a_parameter_named_like_a_proxy_is_not_the_proxy(client: LanguageClient, tmp_path: Path) -> None:
    """A control thread that does use Flask's proxy is reported; the look-alike parameters are not."""
    _write(tmp_path, {**PROXY_NAMED_PARAMETERS, "control.py": JOBS})
    await start(client, tmp_path)
    control = open_file(client, tmp_path / "control.py")
    handlers = open_file(client, tmp_path / "handlers.py")
    [diagnostic] = await _settled(client, control)
    assert "current_app" in diagnostic.message
    assert not client.diagnostics.get(handlers)
