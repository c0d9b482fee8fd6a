"""Early cutoff: an edit that changes nothing the analysis reads keeps the last result.

A check after an edit misses the result cache, whose key covers every byte. But when the edited
files differ from the texts the last result was computed from only in comments, blank lines, where
lines sit, and top-level statements that bind literal constants to names no file mentions
(``BUILD_NUMBER = 7``, a module docstring), no module, scope, call, reference or suppression comment
the engine reads has changed but for its line number. A full run would then find the same
findings, each moved to its new line, which is what this module computes, strictly: one position
that does not map, or any doubt, and the engine runs.

"No file mentions" is textual and conservative: the name as a word anywhere in any other file
(code, string, comment) or in the configuration keeps the edit from being cut off. A name that
is not ASCII is never cut off (it could be spelled differently in a file of another encoding).
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Callable

from flaskscope.findings import Finding, Hop, Root
from flaskscope.index.line_map import LineMap
from flaskscope.index.model import Span
from flaskscope.suppressions import Suppression

# Comments the engine reads (suppressions); a line carrying one must not change.
_DIRECTIVES = re.compile(r"#.*(noqa|flaskscope)", re.IGNORECASE)
# Line breaks ``str.splitlines`` (and so ``LineMap``) counts but Python's tokenizer does not (form
# feeds...), and carriage returns not followed by a newline: with them the two line numberings could
# disagree. ``\r\n`` is one break for both.
_ODD_LINE_BREAKS = re.compile("\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Annotations that are plain builtin types: ``LIMIT: int = 5`` evaluates nothing else.
_PLAIN_ANNOTATIONS = frozenset({"int", "float", "str", "bytes", "bool", "complex"})


def unchanged_for_analysis(old: str, new: str, mentioned: Callable[[str], bool]) -> LineMap | None:
    """The old -> new line map when ``new`` differs from ``old`` in nothing the engine reads (see
    the module docstring); None otherwise. ``mentioned(name)``: does any other input name it?"""
    if _ODD_LINE_BREAKS.search(old) or _ODD_LINE_BREAKS.search(new):
        return None
    try:
        old_tree, new_tree = ast.parse(old), ast.parse(new)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    old_statements, new_statements = _statements(old_tree), _statements(new_tree)
    in_both = _inert_dumps(old_statements) & _inert_dumps(new_statements)
    old_kept, old_inert = _split(old_statements, in_both)
    new_kept, new_inert = _split(new_statements, in_both)
    for name in set(old_inert) | set(new_inert):
        if not name.isascii() or mentioned(name):
            return None
        word = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
        if len(word.findall(old)) != old_inert[name] or len(word.findall(new)) != new_inert[name]:
            return None  # the module itself uses the name somewhere else (or in a comment)
    if len(old_kept) != len(new_kept):
        return None
    lines = LineMap(old, new)
    for (before, old_dump, _), (after, new_dump, _) in zip(old_kept, new_kept, strict=True):
        if old_dump != new_dump or not _same_positions(before, after, lines):
            return None
    old_directives = {lines.line(n): text for n, text in _directive_lines(old)}
    if None in old_directives or old_directives != dict(_directive_lines(new)):
        return None
    return lines


# A top-level statement, its ``ast.dump`` (fields only, no positions), and the names it binds if it
# is inert (see ``_inert_bindings``), else None.
_Statement = tuple[ast.stmt, str, list[str] | None]


def _statements(tree: ast.Module) -> list[_Statement]:
    return [(stmt, ast.dump(stmt), _inert_bindings(stmt)) for stmt in tree.body]


def _inert_dumps(statements: list[_Statement]) -> Counter[str]:
    return Counter(dump for _, dump, names in statements if names is not None)


def _split(statements: list[_Statement], in_both: Counter[str]) -> tuple[list[_Statement], Counter[str]]:
    """(statements to compare, names bound by the inert statements the edit added or removed).

    An inert statement both texts have (``CACHE = {}``, read all over the module) is compared like
    any other; only the added or removed ones are set aside, and their names must be unused.
    """
    kept: list[_Statement] = []
    inert: Counter[str] = Counter()
    unmatched = Counter(in_both)
    for statement in statements:
        _, dump, names = statement
        if names is not None and unmatched[dump] == 0:
            inert.update(names)
            continue
        if names is not None:
            unmatched[dump] -= 1
        kept.append(statement)
    return kept, inert


def _inert_bindings(stmt: ast.stmt) -> list[str] | None:
    """The names a top-level statement binds when all it does is bind literal constants (or
    evaluate one: a docstring, ``pass``); None for any other statement."""
    if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
        return []
    if isinstance(stmt, ast.Assign) and _literal(stmt.value) and all(isinstance(t, ast.Name) for t in stmt.targets):
        return [t.id for t in stmt.targets]  # type: ignore[attr-defined]
    if isinstance(stmt, ast.AnnAssign) and stmt.value is not None and _literal(stmt.value) \
            and isinstance(stmt.target, ast.Name) and isinstance(stmt.annotation, ast.Name) \
            and stmt.annotation.id in _PLAIN_ANNOTATIONS:
        return [stmt.target.id]
    return None


def _literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _literal(k) for k in node.keys) and all(_literal(v) for v in node.values)
    return False


def _same_positions(before: ast.AST, after: ast.AST, lines: LineMap) -> bool:
    """Every node of ``after`` sits where the same node of ``before`` sat, once lines are mapped."""
    for old_node, new_node in zip(ast.walk(before), ast.walk(after), strict=True):  # equal dumps: same shape
        old_at, new_at = _position(old_node), _position(new_node)
        if old_at is None:
            continue
        line, col, end_line, end_col = old_at
        if new_at != (lines.line(line), col, lines.line(end_line), end_col):
            return False
    return True


def _position(node: ast.AST) -> tuple[int, int, int, int] | None:
    if not isinstance(node, (ast.stmt, ast.expr, ast.excepthandler, ast.arg, ast.keyword, ast.alias, ast.pattern)):
        return None  # no position: contexts, operators, comprehension and argument lists...
    return node.lineno, node.col_offset, node.end_lineno or 0, node.end_col_offset or 0


def _directive_lines(text: str) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if _DIRECTIVES.search(line)]


# ---------------------------------------------------------------- moving results to the new lines
class Unmapped(Exception):
    """A position of the last result is on a line the edit changed: the engine must run."""


def moved_findings(findings: list[Finding], maps: dict[Path, LineMap]) -> list[Finding]:
    """The findings at their new lines; raises ``Unmapped`` if any position does not map."""
    return [replace(f, span=_span(f, maps), root=_root(f.root, maps),
                    other_roots=tuple(_root(r, maps) for r in f.other_roots),
                    chain=tuple(_hop(h, maps) for h in f.chain)) for f in findings]


def moved_suppressions(suppressions: list[Suppression], maps: dict[Path, LineMap]) -> list[Suppression]:
    return [replace(s, line=_line(s.path, s.line, maps)) for s in suppressions]


def _line(path: Path, line: int, maps: dict[Path, LineMap]) -> int:
    lines = maps.get(path)
    if lines is None:
        return line
    moved = lines.line(line)
    if moved is None:
        raise Unmapped(f"{path}:{line}")
    return moved


def _span(finding: Finding, maps: dict[Path, LineMap]) -> Span:
    lines = maps.get(finding.path)
    if lines is None:
        return finding.span
    span = lines.span(finding.span)
    if span is None:
        raise Unmapped(f"{finding.path}:{finding.span.line}")
    return span


def _root(root: Root, maps: dict[Path, LineMap]) -> Root:
    return replace(root, line=_line(root.path, root.line, maps))


def _hop(hop: Hop, maps: dict[Path, LineMap]) -> Hop:
    return replace(hop, line=_line(hop.path, hop.line, maps))

