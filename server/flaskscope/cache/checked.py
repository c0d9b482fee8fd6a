"""A check answered from the result cache when nothing it depends on changed.

The engine knows nothing of this: the CLI asks here first and runs the engine only on a miss,
so a hit costs discovering, reading and hashing the files and printing the stored report,
without even importing the engine. A miss whose edits change nothing the engine reads (comments,
blank lines, unused constants: see ``cutoff``) is answered from the last result too, moved to the
new lines; for that, each result is stored with the texts it was computed from.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
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

MAX_CUT_OFF_FILES = 16  # edited files worth comparing with their last texts before running the engine

# Bumped when what a stored result holds, or what the engine concludes, changes within a version.
RESULT_FORMAT = 5


def cached_check(store: ResultStore, root: Path, paths: list[Path], warn: Callable[[str], None], config: Config,
                 options: list[object], run: Run) -> AnalysisResult:
    """The stored result when nothing it depends on changed; else ``run``'s result, stored.

    The key covers flaskscope's and Python's versions and environment, the working directory,
    ``options``, the configuration, the project files that decide project facts, and the path,
    module name and bytes of every file: any difference is a miss, never a stale answer.
    """
    files = discover(paths, warn)
    contents: dict[Path, bytes | None] = {}
    invocation = [__version__, RESULT_FORMAT, sys.version, sys.prefix, os.getcwd(), [str(p) for p in paths], *options]
    context = digest(json.dumps([*invocation, repr(config), _dependency_files_digest(root)]).encode())
    key = hashlib.blake2b(context.encode(), digest_size=20)
    inputs: list[list[object]] = []  # [path, module, is_package, digest of the bytes, length]
    for source_file in files:
        try:
            data: bytes | None = source_file.path.read_bytes()
        except OSError:
            data = None
        contents[source_file.path] = data
        file_digest = digest(data) if data is not None else "unreadable"
        key.update(f"\0{source_file.path}\0{source_file.module}\0{source_file.is_package}\0".encode())
        key.update(file_digest.encode())
        inputs.append([str(source_file.path), source_file.module, source_file.is_package, file_digest,
                       len(data) if data is not None else -1])
    name = "check-" + digest(json.dumps(invocation).encode())[:16]
    stored = store.load(name)
    last = stored[1] if stored is not None else None
    if stored is not None and stored[0] == key.hexdigest() and isinstance(last, dict):
        try:
            return _decoded_result(last, config, warn)
        except (KeyError, TypeError, ValueError):
            last = None  # a damaged entry: analyse, and overwrite it
    recorded: list[str] = []

    def recording(message: str) -> None:
        recorded.append(message)
        warn(message)

    result = _cut_off(store, name, last, context, inputs, contents, config, recording)
    if result is None:
        result = run(files, contents, recording)
    if store.save_bytes(name, b"".join(data for data in contents.values() if data is not None)):
        store.save(name, key.hexdigest(), {
            "context": context, "inputs": inputs, "jedi_queries": result.jedi_queries,
            "files": result.files, "warnings": recorded, "paths": [str(p) for p in result.paths],
            "findings": [encode_finding(f) for f in result.findings],
            "suppressed": [encode_finding(f) for f in result.suppressed],
            "gaps": [encode_finding(f) for f in result.gaps],
            "unused_suppressions": [encode_suppression(s) for s in result.unused_suppressions]})
    return result


def _cut_off(store: ResultStore, name: str, last: object, context: str, inputs: list[list[object]],
             contents: dict[Path, bytes | None], config: Config, warn: Callable[[str], None]) -> AnalysisResult | None:
    """The last result of this check, moved to the new lines, when the files that changed since
    differ from the texts it was computed from in nothing the engine reads; else None."""
    # Imported here: a cache hit (nothing changed) needs none of it.
    from flaskscope.cache.cutoff import Unmapped, moved_findings, moved_suppressions, unchanged_for_analysis
    from flaskscope.index.line_map import LineMap
    from flaskscope.source import decode_source

    if not isinstance(last, dict) or last.get("context") != context or last.get("jedi_queries") != 0:
        return None  # another configuration; or jedi read files, and no one knows which
    try:
        before = {str(row[0]): row for row in last["inputs"]}
        if set(before) != {str(row[0]) for row in inputs}:
            return None  # a file came or went
        changed = [row for row in inputs if before[str(row[0])][1:4] != row[1:4]]
        if not changed or len(changed) > MAX_CUT_OFF_FILES or any(row[3] == "unreadable" for row in changed):
            return None
        texts = store.load_bytes(name)
        offsets, offset = {}, 0
        for row in last["inputs"]:
            offsets[str(row[0])] = (offset, int(row[4]))
            offset += max(int(row[4]), 0)
        if texts is None or offset != len(texts) or any(before[str(row[0])][1:3] != row[1:3] for row in changed):
            return None
        mentions = _Mentions(contents, repr(config))
        maps: dict[Path, LineMap] = {}
        for row in changed:
            path = Path(str(row[0]))
            start, length = offsets[str(row[0])]
            new_data, old_data = contents[path], texts[start:start + length]
            if length < 0 or new_data is None or digest(old_data) != before[str(row[0])][3]:
                return None  # the texts stored by another run than the entry (concurrent checks)
            lines = unchanged_for_analysis(decode_source(old_data), decode_source(new_data),
                                           functools.partial(mentions.elsewhere, path=path))
            if lines is None:
                return None
            maps[path] = lines
        said: list[str] = []
        result = _decoded_result(last, config, said.append)
        result.findings = moved_findings(result.findings, maps)
        result.suppressed = moved_findings(result.suppressed, maps)
        result.gaps = moved_findings(result.gaps, maps)
        result.unused_suppressions = moved_suppressions(result.unused_suppressions, maps)
    except (KeyError, TypeError, ValueError, IndexError, SyntaxError, Unmapped):
        return None  # a damaged or older entry, an undecodable text, a result on an edited line
    for message in said:
        warn(message)  # the last run's warnings: about files this edit did not touch
    result.jedi_queries = 0
    return result


class _Mentions:
    """Does any input other than one file name a word (as a whole word, anywhere in its bytes)?"""

    def __init__(self, contents: dict[Path, bytes | None], configuration: str) -> None:
        self._contents = contents
        self._configuration = configuration

    def elsewhere(self, word: str, path: Path) -> bool:
        spelled = word.encode("ascii")
        pattern = re.compile(rb"(?<![\w])" + re.escape(spelled) + rb"(?![\w])")
        if pattern.search(self._configuration.encode("utf-8", "replace")):
            return True
        # A plain substring test first: most files do not contain the word at all.
        return any(data is None or (spelled in data and pattern.search(data))
                   for other, data in self._contents.items() if other != path)


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
                            gaps=[decode_finding(f) for f in payload.get("gaps", [])],
                            unused_suppressions=[decode_suppression(s) for s in payload["unused_suppressions"]],
                            config=config)
    for message in warnings:
        warn(message)
    return result
