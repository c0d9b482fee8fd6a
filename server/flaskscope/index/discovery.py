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


@dataclass(frozen=True)
class SourceFile:
    path: Path
    module: str
    is_package: bool


def module_name(path: Path) -> tuple[str, bool]:
    """(dotted module name, is_package) for a ``.py`` file."""
    is_package = path.name == "__init__.py"
    parts = [] if is_package else [path.stem]
    directory = path.parent
    while (directory / "__init__.py").is_file():
        parts.append(directory.name)
        parent = directory.parent
        if parent == directory:
            break
        directory = parent
    parts.reverse()
    return ".".join(p for p in parts if p) or path.stem, is_package


def discover(paths: list[Path], warn: Callable[[str], None]) -> list[SourceFile]:
    """All ``.py`` files under ``paths`` (files or directories), each once, sorted."""
    seen: set[Path] = set()
    found: list[SourceFile] = []

    def add(path: Path) -> None:
        try:
            real = path.resolve()
        except (OSError, RuntimeError) as exc:
            warn(f"{path}: cannot resolve path ({exc}); skipped")
            return
        if real in seen:
            return
        seen.add(real)
        if not path.is_file():
            warn(f"{path}: not a regular file; skipped")
            return
        name, is_package = module_name(path.absolute())
        found.append(SourceFile(path, name, is_package))

    for root in paths:
        if root.is_file() or root.suffix == ".py" and not root.is_dir():
            add(root)
            continue
        if not root.is_dir():
            warn(f"{root}: no such file or directory")
            continue
        def unreadable(error: OSError) -> None:
            warn(f"{error.filename}: {error.strerror}; skipped")

        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable):
            dirnames[:] = sorted(d for d in dirnames if d not in EXCLUDED_DIRS and not d.endswith(".egg-info"))
            for filename in sorted(filenames):
                if filename.endswith(".py"):
                    add(Path(dirpath) / filename)
    found.sort(key=lambda f: str(f.path))
    return found
