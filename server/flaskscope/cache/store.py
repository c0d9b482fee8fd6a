"""Files of the persistent cache: written atomically, checked before they are believed.

Entries are JSON, never pickle: the cache directory lives inside the workspace, where anyone who
can commit a file could plant one, and reading it must never run code. Each file starts with the
digest of the rest, so a truncated or edited entry is discarded instead of trusted; writes go to
a temporary file that is renamed into place, so concurrent runs see a whole entry or none.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

CACHE_DIR_NAME = ".flaskscope_cache"
KEEP_ENTRIES = 16  # checks of different paths or options (pre-commit passes changing file lists)

_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This directory is a cache made by flaskscope.\n"


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class ResultStore:
    """Named entries, each valid for one key (a digest of everything the result depends on)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def load(self, name: str) -> tuple[object, object] | None:
        """(key, payload) stored under ``name``; None when absent or damaged. The caller compares
        the key: a stale entry is still the last result, which an early cutoff can reuse."""
        entry = self._entry(name)
        return (entry.get("key"), entry.get("payload")) if entry is not None else None

    def _entry(self, name: str) -> dict[str, object] | None:
        body = self._verified(self.directory / f"{name}.json")
        if body is None:
            return None
        try:
            entry = json.loads(body)
            if not isinstance(entry, dict):
                raise ValueError("not an object")
        except ValueError:
            self._discard(self.directory / f"{name}.json")
            return None
        return entry

    def load_bytes(self, name: str) -> bytes | None:
        """Raw data stored by ``save_bytes`` (never interpreted as code either), if whole."""
        return self._verified(self.directory / f"{name}.bin")

    def _verified(self, path: Path) -> bytes | None:
        """The body of a cache file whose digest line matches it; a damaged file is removed."""
        if self.directory.is_symlink():
            return None  # a link planted in the workspace must not lead reads or deletes elsewhere
        try:
            data = path.read_bytes()
        except OSError:
            return None
        head, _, body = data.partition(b"\n")
        try:
            if head.decode("ascii") != digest(body):
                raise ValueError("digest mismatch")
        except (ValueError, UnicodeDecodeError):
            self._discard(path)
            return None
        return body

    def save(self, name: str, key: str, payload: object) -> bool:
        """Store atomically; False (and nothing written) when the directory cannot be written."""
        body = json.dumps({"key": key, "payload": payload}, separators=(",", ":")).encode("utf-8")
        return self._write(f"{name}.json", body)

    def save_bytes(self, name: str, data: bytes) -> bool:
        """Store raw data (the texts a result was computed from) the same way."""
        return self._write(f"{name}.bin", data)

    def _write(self, filename: str, body: bytes) -> bool:
        if self.directory.is_symlink():
            return False
        try:
            self._prepare()
            handle, temporary = tempfile.mkstemp(prefix=f".{filename}.", suffix=".tmp", dir=self.directory)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(digest(body).encode("ascii") + b"\n" + body)
                os.replace(temporary, self.directory / filename)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return False
        self._prune()
        return True

    def _prune(self) -> None:
        """Keep the newest entries (one per set of paths and options) and no stale temporary files."""
        now = time.time()
        try:
            entries = sorted(self.directory.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[KEEP_ENTRIES:]:
                self._discard(old)
                self._discard(old.with_suffix(".bin"))
            for temporary in self.directory.glob(".*.tmp"):
                if now - temporary.stat().st_mtime > 3600:  # a writer that died; a live one renames in ms
                    self._discard(temporary)
        except OSError:
            pass

    def _prepare(self) -> None:
        if self.directory.is_dir():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        for filename, text in ((".gitignore", "# Created by flaskscope.\n*\n"), ("CACHEDIR.TAG", _TAG)):
            with contextlib.suppress(OSError):
                (self.directory / filename).write_text(text, encoding="utf-8")

    @staticmethod
    def _discard(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()
