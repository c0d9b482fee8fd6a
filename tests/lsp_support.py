"""Helpers for talking to the real ``flaskscope server`` process with pytest-lsp."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

from lsprotocol import types
from pygls.workspace import PositionCodec
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

CORPUS = Path(__file__).parent / "corpus"
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "flaskscope", "server", "-v"])


def copy_case(case: str, destination: Path) -> Path:
    target = destination / case
    shutil.copytree(CORPUS / case, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


async def start(client: LanguageClient, root: Path, editor: str = "visual-studio-code",
                options: dict[str, object] | None = None) -> types.InitializeResult:
    return await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities(editor), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options=options))


def open_file(client: LanguageClient, path: Path, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri, "python", version, path.read_text(encoding="utf-8"))))
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    """Send the whole new text of an open document, as editors with full sync do."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [types.TextDocumentContentChangeWholeDocument(text)]))


TIMEOUT = 30.0  # seconds: a server that stops answering fails the test instead of hanging it


async def wait_for(client: LanguageClient, method: str) -> None:
    """The next ``method`` notification, waited for from this call on (callers check, then wait).

    ``client.wait_for_notification`` is a coroutine: its waiter exists only once its task first
    runs, and a notification handled in between (the one the caller's check was waiting for) is
    missed, the loop then waits for one that never comes. The protocol's waiter is set at once.
    """
    await asyncio.wait_for(client.protocol.wait_for_notification_async(method), TIMEOUT)


async def wait_for_diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    while uri not in client.diagnostics:
        await wait_for(client, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


def apply_text_edits(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    """Apply LSP edits the way an editor does (positions in the negotiated encoding)."""
    codec = PositionCodec(encoding)
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        if position.line >= len(lines):
            return len(text)
        server = codec.position_from_client_units(lines, position)
        return starts[server.line] + server.character

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text
