"""The package tree reads as the architecture (docs/architecture.md): each layer imports only itself
and the layers before it. The few imports that still point the wrong way are listed here, each with
why, so a new one fails this test and a removed one must leave the list."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "server" / "flaskscope"

# Earlier first. A top-level module or package of flaskscope belongs to exactly one layer.
LAYERS: list[set[str]] = [
    {"levels", "rules", "config", "gc_control"},
    {"knowledge", "source"},
    {"index", "imports"},
    {"resolve"},
    {"findings", "edits", "suppressions", "result", "stale"},
    {"reach"},
    {"analysis"},
    {"fixes", "report", "cache", "lsp", "cli", "__main__", "__init__"},
]

# (importing part, imported part): why it is still there (issue 16). Empty since the planner is injected.
KNOWN_WRONG_WAY: dict[tuple[str, str], str] = {}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(part: str) -> int:
    return next(number for number, layer in enumerate(LAYERS) if part in layer)


def _imports() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        importer = _part(".".join(relative.parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name == "flaskscope" or name.startswith("flaskscope."):
                    imported = _part(name)
                    if imported != importer:
                        found.add((importer, imported))
    return found


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {path.stem if path.is_file() else path.name for path in PACKAGE.iterdir()
             if (path.suffix == ".py" or (path / "__init__.py").is_file())}
    assert parts <= set().union(*LAYERS), sorted(parts - set().union(*LAYERS))


def test_imports_point_to_earlier_layers() -> None:
    wrong = {(a, b) for a, b in _imports() if _layer(b) > _layer(a)}
    assert wrong - KNOWN_WRONG_WAY.keys() == set(), sorted(wrong - KNOWN_WRONG_WAY.keys())
    assert KNOWN_WRONG_WAY.keys() - wrong == set(), "fixed: remove from KNOWN_WRONG_WAY"
