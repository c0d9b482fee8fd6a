"""A server session whose log goes to a file the test can read afterwards (for tracebacks and
internal errors the protocol never shows), plus small helpers shared by the hostile-input tests.

It is the same server command as ``lsp_support.SERVER`` with ``--log-file``; the client is the
pytest-lsp one, so pytest-lsp still reports the session's ``window/logMessage`` lines on failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from lsp_support import SERVER, TIMEOUT

# What the server writes when something went wrong inside it (its own ``log.exception`` and
# ``report_server_error``, pygls' handler errors, an uncaught thread exception).
INTERNAL_ERROR = re.compile(r"Traceback \(most recent call last\)|\bERROR\b|internal error|Exception in thread")


async def start_logged_server(log: Path) -> LanguageClient:
    config = ClientServerConfig(server_command=[*SERVER.server_command, "--log-file", str(log)])
    client = await config.start()
    assert isinstance(client, LanguageClient)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        """Accept it, as editors do."""

    return client


async def stop_logged_server(client: LanguageClient) -> int | None:
    """``shutdown`` + ``exit``; a server that was never initialised or does not exit is killed.

    The server's exit code: 0 after ``shutdown`` + ``exit`` (the LSP rule), None if it was killed.
    """
    try:
        await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
    except Exception:  # noqa: BLE001 - a dead server has nothing to shut down; the test said why
        pass
    process = client._server
    code: int | None = None
    if process is not None:
        try:
            code = await asyncio.wait_for(process.wait(), 5)
        except asyncio.TimeoutError:
            process.kill()  # the process this session started, by its handle
            await process.wait()
    await client.stop()
    return code


@contextlib.asynccontextmanager
async def logged_session(log: Path) -> AsyncIterator[LanguageClient]:
    """A server session started on entry (after the test has built its workspace) and always ended.

    When the test's body succeeded, the server must also have exited cleanly: code 0 after
    ``shutdown`` + ``exit``, as the protocol says (a traceback on the way out gives 1).
    """
    client = await start_logged_server(log)
    try:
        yield client
    except BaseException:
        await stop_logged_server(client)
        raise
    code = await stop_logged_server(client)
    assert code == 0, f"the server exited with code {code} after shutdown + exit (see its stderr above)"


def server_pid(client: LanguageClient) -> int:
    process = client._server  # pygls keeps the asyncio subprocess here
    assert process is not None
    return process.pid


def server_alive(client: LanguageClient) -> bool:
    process = client._server
    return process is not None and process.returncode is None


def internal_errors(log: Path) -> list[str]:
    """Lines of the server log that say the server itself failed."""
    if not log.exists():
        return []
    return [line for line in log.read_text(errors="replace").splitlines() if INTERNAL_ERROR.search(line)]


async def pull(client: LanguageClient, uri: str, timeout: float = TIMEOUT) -> list[types.Diagnostic]:
    report = await asyncio.wait_for(client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri))), timeout)
    assert isinstance(report, (types.FullDocumentDiagnosticReport, types.RelatedFullDocumentDiagnosticReport)), report
    return list(report.items)


async def hover(client: LanguageClient, uri: str, line: int, character: int) -> types.Hover | None:
    return await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(line, character))), TIMEOUT)
