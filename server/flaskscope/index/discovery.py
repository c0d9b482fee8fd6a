"""Find the Python files of a workspace and name their modules.

A module's dotted name comes from the directories above it that are packages (hold an
``__init__.py``), the way Python itself would import it when the first non-package directory
is on ``sys.path``. This needs no configuration and works for flat, package and ``src/`` layouts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

# Directories that are never the user's own code.
EXCLUDED_DIRS = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "env", ".env", ".tox", ".nox", "node_modules",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".flaskscope_cache",
    "site-packages", "dist", "build", ".eggs",
})


# Project files that are not Python but say what the project depends on (pytest-flask, for one).
DEPENDENCY_FILES = ("requirements.txt", "requirements-dev.txt", "requirements_dev.txt", "dev-requirements.txt",
                    "pyproject.toml", "setup.cfg", "setup.py", "tox.ini", "pytest.ini", "Pipfile")


def common_root(paths: list[Path]) -> Path:
    """The deepest directory holding every path (where the configuration and the cache are looked for)."""
    resolved = [p.resolve() for p in paths] or [Path.cwd()]
    root = Path(os.path.commonpath([str(p) for p in resolved]))
    return root if root.is_dir() else root.parent


@dataclass(frozen=True)
class SourceFile:
    path: Path
    module: str
    is_package: bool


class _Packages:
    """Which directories are packages, and the dotted prefix each gives its modules (cached per directory)."""

    def __init__(self) -> None:
        self._prefixes: dict[str, tuple[str, ...]] = {}

    def prefix(self, directory: str) -> tuple[str, ...]:
        known = self._prefixes.get(directory)
        if known is None:
            known = ()
            if os.path.isfile(os.path.join(directory, "__init__.py")):
                parent = os.path.dirname(directory)
                known = (*self.prefix(parent), os.path.basename(directory)) if parent != directory else ()
            self._prefixes[directory] = known
        return known

    def module_name(self, path: str) -> tuple[str, bool]:
        directory, filename = os.path.split(path)
        stem = filename[:-3] if filename.endswith(".py") else filename
        is_package = filename == "__init__.py"
        parts = self.prefix(directory) if is_package else (*self.prefix(directory), stem)
        if stem == "conftest" and not self.prefix(directory):
            # pytest loads every conftest.py of a non-package directory as its own module: one name
            # per directory, which no import statement can spell (nothing imports a conftest).
            relative = os.path.relpath(directory)
            return ("conftest" if relative == "." else f"conftest@{relative}"), False
        return ".".join(p for p in parts if p) or stem, is_package


def discover(paths: list[Path], warn: Callable[[str], None]) -> list[SourceFile]:
    """All ``.py`` files under ``paths`` (files or directories), each once, sorted.

    One ``scandir`` per directory: the entry types come with the listing, so a workspace of
    thousands of files costs no ``stat`` per regular file (the warm check is mostly this walk).
    """
    seen: set[str] = set()
    found: list[SourceFile] = []
    packages = _Packages()

    def add(path: str, real: str | None = None) -> None:
        if real is None:
            try:
                real = os.path.realpath(path, strict=True)
            except (OSError, RuntimeError) as exc:
                warn(f"{path}: cannot resolve path ({exc}); skipped")
                return
        if real in seen:
            return
        seen.add(real)
        if not os.path.isfile(real):
            warn(f"{path}: not a regular file; skipped")
            return
        name, is_package = packages.module_name(os.path.abspath(path))
        found.append(SourceFile(Path(path), name, is_package))

    def walk(top: str, real_top: str) -> None:
        pending = [(top, real_top)]  # a stack, not recursion: directory trees can be very deep
        while pending:
            directory, real_directory = pending.pop()
            try:
                with os.scandir(directory) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                warn(f"{exc.filename or directory}: {exc.strerror}; skipped")
                continue
            subdirectories = []
            for entry in entries:  # in name order: a file is met before a link to it in the same place wins
                name = entry.name
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if name not in EXCLUDED_DIRS and not name.endswith(".egg-info"):
                            subdirectories.append((entry.path, os.path.join(real_directory, name)))
                    elif name.endswith(".py"):
                        add(entry.path, None if entry.is_symlink() else os.path.join(real_directory, name))
                except OSError as exc:
                    warn(f"{entry.path}: {exc.strerror}; skipped")
            pending.extend(reversed(subdirectories))  # popped in name order

    for root in paths:
        if root.is_file() or root.suffix == ".py" and not root.is_dir():
            add(str(root))
            continue
        if not root.is_dir():
            warn(f"{root}: no such file or directory")
            continue
        walk(str(root), os.path.realpath(root))
    found.sort(key=lambda f: str(f.path))
    return found
