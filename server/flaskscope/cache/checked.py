"""A check answered from the result cache when nothing it depends on changed.

The engine knows nothing of this: the CLI asks here first and runs the engine only on a miss,
so a hit costs discovering, reading and hashing the files and printing the stored report,
without even importing the engine.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable

from flaskscope import __version__
from flaskscope.cache.codec import decode_finding, decode_suppression, encode_finding, encode_suppression
from flaskscope.cache.store import ResultStore, digest
from flaskscope.config import Config
from flaskscope.index.discovery import DEPENDENCY_FILES, SourceFile, discover
from flaskscope.result import AnalysisResult

# Runs the engine over files already discovered and read (bytes by path, None if unreadable).
Run = Callable[[list[SourceFile], dict[Path, bytes | None], Callable[[str], None]], AnalysisResult]


def cached_check(store: ResultStore, root: Path, paths: list[Path], warn: Callable[[str], None], config: Config,
                 options: list[object], run: Run) -> AnalysisResult:
    """The stored result when nothing it depends on changed; else ``run``'s result, stored.

    The key covers flaskscope's and Python's versions and environment, the working directory,
    ``options``, the configuration, the project files that decide project facts, and the path,
    module name and bytes of every file: any difference is a miss, never a stale answer.
    """
    files = discover(paths, warn)
    contents: dict[Path, bytes | None] = {}
    key = hashlib.blake2b(digest_size=20)
    invocation = [__version__, sys.version, sys.prefix, os.getcwd(), [str(p) for p in paths], *options]
    key.update(json.dumps([*invocation, repr(config), _dependency_files_digest(root)]).encode())
    for source_file in files:
        try:
            data: bytes | None = source_file.path.read_bytes()
        except OSError:
            data = None
        contents[source_file.path] = data
        key.update(f"\0{source_file.path}\0{source_file.module}\0{source_file.is_package}\0".encode())
        key.update(digest(data).encode() if data is not None else b"unreadable")
    name = "check-" + digest(json.dumps(invocation).encode())[:16]
    payload = store.load(name, key.hexdigest())
    if isinstance(payload, dict):
        try:
            return _decoded_result(payload, config, warn)
        except (KeyError, TypeError, ValueError):
            pass  # a damaged entry: analyse, and overwrite it
    recorded: list[str] = []

    def recording(message: str) -> None:
        recorded.append(message)
        warn(message)

    result = run(files, contents, recording)
    store.save(name, key.hexdigest(), {
        "files": result.files, "warnings": recorded, "paths": [str(p) for p in result.paths],
        "findings": [encode_finding(f) for f in result.findings],
        "suppressed": [encode_finding(f) for f in result.suppressed],
        "unused_suppressions": [encode_suppression(s) for s in result.unused_suppressions]})
    return result


def _dependency_files_digest(root: Path) -> str:
    """The project files that decide project facts (pytest-flask), as one digest."""
    key = hashlib.blake2b(digest_size=20)
    for name in DEPENDENCY_FILES:
        try:
            key.update(name.encode() + b"\0" + (root / name).read_bytes())
        except OSError:
            key.update(name.encode() + b"\0-")
    return key.hexdigest()


def _decoded_result(payload: dict[str, Any], config: Config, warn: Callable[[str], None]) -> AnalysisResult:
    """A stored result, its warnings said again as the run that stored it said them."""
    warnings = [str(w) for w in payload["warnings"]]
    result = AnalysisResult([decode_finding(f) for f in payload["findings"]], warnings, int(payload["files"]),
                            paths=[Path(p) for p in payload["paths"]],
                            suppressed=[decode_finding(f) for f in payload["suppressed"]],
                            unused_suppressions=[decode_suppression(s) for s in payload["unused_suppressions"]],
                            config=config)
    for message in warnings:
        warn(message)
    return result
