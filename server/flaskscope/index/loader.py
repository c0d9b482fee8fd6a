"""Load a workspace into module indexes: find the files, read and decode them, parse each once.

Loading is where the workspace's mess is met: files that are not valid UTF-8, do not parse, are
nested too deeply, are unreadable, define a module twice or are a vendored copy of a library the
tables describe. Each is reported by one warning naming the file and skipped (or, in an editor,
replaced by its last version that parsed), so that everything after loading sees only modules
that parsed. Kept apart from the analysis that follows because loading is also wanted alone: the
language server loads an open file's imports (``import_closure``) to choose what its first run
covers, and tests load a workspace to ask the resolver about it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from flaskscope.config import Config
from flaskscope.imports import imported_modules
from flaskscope.index.builder import build_index
from flaskscope.index.discovery import SourceFile, discover
from flaskscope.index.line_map import LineMap
from flaskscope.index.model import ModuleIndex
from flaskscope.knowledge.libraries import LIBRARY_PACKAGES
from flaskscope.source import decode_source, read_source, syntax_error_message


class IndexCache:
    """Module indexes by (path, module name, source): an unchanged file is never parsed again."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[str, str, ModuleIndex]] = {}

    def get(self, path: Path, module: str, source: str, is_package: bool) -> ModuleIndex:
        digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        cached = self._entries.get(path)
        if cached is not None and cached[0] == digest and cached[1] == module:
            return cached[2]
        index = build_index(module, path, source, is_package)
        self._entries[path] = (digest, module, index)
        return index

    def last_good(self, path: Path, module: str) -> ModuleIndex | None:
        """The index of the last text of ``path`` that parsed (an edit that broke it failed to replace it)."""
        cached = self._entries.get(path)
        return cached[2] if cached is not None and cached[1] == module else None


def index_files(paths: list[Path], warn: Callable[[str], None], overlay: dict[Path, str] | None = None,
                cache: IndexCache | None = None, config: Config | None = None,
                progress: Callable[[int, int], None] | None = None, files: list[SourceFile] | None = None,
                contents: dict[Path, bytes | None] | None = None,
                checkpoint: Callable[[], None] | None = None,
                stale: dict[Path, LineMap] | None = None, duplicated: set[str] | None = None) -> list[ModuleIndex]:
    """Index every Python file under ``paths``; ``overlay`` holds unsaved editor text by path.

    ``files`` and ``contents`` (bytes by path, None when unreadable) are what a caller that
    already discovered and read the files (the result cache) passes to avoid doing it twice.
    ``checkpoint`` is called before each file: the caller's way to give the run up (by raising).
    ``stale``, when given (with ``cache``), asks for a file that no longer parses to be indexed as
    its last version that did; it receives that version's line map onto the current text.
    ``duplicated``, when given, receives the names of modules defined twice (the first copy is kept).
    """
    overlay = overlay or {}
    contents = contents or {}
    modules: list[ModuleIndex] = []
    taken: set[str] = set()
    if files is None:
        files = discover(paths, warn)
    shadows = _library_copies(files)
    for library in sorted(set(shadows.values())):
        copies = sorted((path for path, name in shadows.items() if name == library), key=str)
        warn(f"{copies[0]}: package `{library}` has the name of a library flaskscope knows; it is treated as "
             f"that library and its {len(copies)} file(s) are not analysed")
    for number, source_file in enumerate(files, 1):
        if progress is not None:
            progress(number, len(files))
        if checkpoint is not None:
            checkpoint()
        path = source_file.path
        if config is not None and config.exclude and config.excluded(path):
            continue
        if path in shadows:
            continue
        source: str | None = None
        try:
            source = overlay.get(path.absolute()) if overlay else None  # absolute() asks the OS for the cwd
            if source is None:
                data = contents.get(path)
                source = decode_source(data) if data is not None else read_source(path)
            if cache is not None:
                module = cache.get(path, source_file.module, source, source_file.is_package)
            else:
                module = build_index(source_file.module, path, source, source_file.is_package)
        except UnicodeDecodeError as exc:
            encoding = "UTF-8" if exc.encoding.replace("-", "").lower().startswith("utf8") else exc.encoding
            warn(f"{path}: not valid {encoding} (byte {exc.start}); skipped")
            continue
        except SyntaxError as exc:
            previous = None
            if cache is not None and stale is not None:
                previous = cache.last_good(path, source_file.module) or _saved_version(cache, source_file, source)
            if previous is None or source is None or stale is None:
                warn(f"{syntax_error_message(path, exc)}; skipped")
                continue
            warn(f"{syntax_error_message(path, exc)}; using the last version that parsed")
            stale[path] = LineMap(previous.source, source)
            module = previous
        except (RecursionError, MemoryError):
            warn(f"{path}: code nested too deeply to analyse (Python's parser or flaskscope's index ran out of "
                 "depth); skipped")
            continue
        except ValueError as exc:
            warn(f"{path}: cannot be parsed ({exc}); skipped")
            continue
        except OSError as exc:
            warn(f"{path}: cannot be read ({exc.strerror or exc}); skipped")
            continue
        if module.name in taken:
            warn(f"{path}: module `{module.name}` is defined twice; this copy is skipped")
            if duplicated is not None:
                duplicated.add(module.name)
            continue
        taken.add(module.name)
        modules.append(module)
    return modules


def _saved_version(cache: IndexCache, source_file: SourceFile, text: str | None) -> ModuleIndex | None:
    """The index of the file as saved, for an editor's text that does not parse and never did here.

    The language server's first run can come after the text broke: its snapshot is taken whenever
    the analysis thread gets to it, and the didChange that broke the file may land before that. The
    saved file is the version the editor opened; without it the file would be skipped, and with it
    every root it declares (what other files' diagnostics come from).
    """
    try:
        saved = read_source(source_file.path)
        if text is None or saved == text:
            return None
        return cache.get(source_file.path, source_file.module, saved, source_file.is_package)
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _library_copies(files: list[SourceFile]) -> dict[Path, str]:
    """The files of workspace packages named like a library the tables describe, by library name.

    A whole directory goes with its package: a vendored Flask's ``sansio/`` has no ``__init__.py``
    and its files would otherwise pose as top-level modules (``app``) of the project.
    """
    directories = {f.path.parent: f.module for f in files
                   if f.is_package and "." not in f.module and f.module in LIBRARY_PACKAGES}
    found: dict[Path, str] = {}
    if not directories and not any(f.module.split(".", 1)[0] in LIBRARY_PACKAGES for f in files):
        return found
    for source_file in files:
        top = source_file.module.split(".", 1)[0]
        if top in LIBRARY_PACKAGES:
            found[source_file.path] = top
            continue
        for parent in source_file.path.parents:
            if parent in directories:
                found[source_file.path] = directories[parent]
                break
    return found


def import_closure(root: Path, start: list[Path], warn: Callable[[str], None],
                   overlay: dict[Path, str] | None = None, cache: IndexCache | None = None,
                   max_share: float = 1.0) -> list[Path] | None:
    """``start`` and every workspace module they import, transitively (by import statements only).

    It lets an editor see the open file's results before the whole workspace is indexed: the calls
    an open file makes are analysed; the entry points elsewhere that reach it come with the full run.
    None once the closure holds more than ``max_share`` of the workspace's files: a run over it
    would cost most of the whole run, which then follows it (the files indexed so far stay in
    ``cache``, so the whole run does not index them again).
    """
    by_module = {f.module: f.path for f in discover([root], lambda message: None)}
    known = set(by_module)
    wanted = list(dict.fromkeys(p.absolute() for p in start))
    seen: set[Path] = set()
    while wanted:
        path = wanted.pop()
        if path in seen:
            continue
        seen.add(path)
        if len(seen) > max_share * max(len(by_module), 1):
            return None
        for module in index_files([path], warn, overlay, cache):
            wanted.extend(by_module[name].absolute() for name in imported_modules(module, known))
    return sorted(seen)
