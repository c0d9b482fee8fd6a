"""Shared fixtures: the real ``flaskscope server`` process with a pytest-lsp client."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

sys.path.insert(0, str(Path(__file__).parent))  # lsp_support, test_corpus helpers

from lsp_support import SERVER  # noqa: E402


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    """A client that, like editors do, accepts the server's file watcher registration."""

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        """Accept it."""

    yield
    try:
        await asyncio.wait_for(lsp_client.shutdown_session(), 10)
    except Exception:  # noqa: BLE001 - a test that never initialised has nothing to shut down
        pass
    process = lsp_client._server
    if process is not None and process.returncode is None:  # never told to exit: pytest-lsp would wait forever
        try:
            await asyncio.wait_for(process.wait(), 5)
        except asyncio.TimeoutError:
            process.kill()
