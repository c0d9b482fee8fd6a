"""Inline suppressions: ``# noqa: FCX101`` and ``# flaskscope: ignore[FCX101]``.

A suppression on the sink's line or on the root's line (the ``Thread(...)`` call, the task's
``def``) silences the finding. Bare ``# noqa`` counts only when the project allows it: other
linters' bare ``noqa`` comments must not hide a crash by accident.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

from flaskscope.findings import Finding

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?", re.IGNORECASE)
_OWN = re.compile(r"#\s*flaskscope:\s*ignore(?:\[(?P<codes>[A-Z0-9,\s]+)\])?", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    path: Path
    line: int
    codes: frozenset[str] | None  # None: every code

    def covers(self, code: str) -> bool:
        return self.codes is None or code in self.codes


def suppressions_in(path: Path, source: str, allow_bare_noqa: bool) -> dict[int, Suppression]:
    """The suppressions of one file, by line; only comments count (not ``# noqa`` inside strings)."""
    found: dict[int, Suppression] = {}
    if _OWN.search(source) is None and not any(_counts(match, allow_bare_noqa) for match in _NOQA.finditer(source)):
        return found  # nothing in the text could be one (most files): tokenizing costs more than the rest
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return found
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        line = token.start[0]
        own = _OWN.search(token.string)
        if own:
            codes = own.group("codes")
            found[line] = Suppression(path, line, frozenset(re.findall(r"[A-Z]+[0-9]+", codes.upper()))
                                      if codes else None)
            continue
        noqa = _NOQA.search(token.string)
        if noqa and _counts(noqa, allow_bare_noqa):
            found[line] = Suppression(path, line, _fcx_codes(noqa) or None)
    return found


def _fcx_codes(noqa: re.Match[str]) -> frozenset[str]:
    codes = noqa.group("codes")
    return frozenset(c for c in re.findall(r"[A-Z]+[0-9]+", codes.upper()) if c.startswith("FCX")) if codes \
        else frozenset()


def _counts(noqa: re.Match[str], allow_bare_noqa: bool) -> bool:
    """A ``# noqa`` silences our codes when it names one of them, or names none and bare ones count
    (``# noqa: F401`` is another linter's)."""
    return bool(_fcx_codes(noqa)) if noqa.group("codes") else allow_bare_noqa


def is_suppressed(finding: Finding, by_file: dict[Path, dict[int, Suppression]]) -> Suppression | None:
    for path, line in ((finding.path, finding.span.line), (finding.root.path, finding.root.line)):
        suppression = by_file.get(path, {}).get(line)
        if suppression is not None and suppression.covers(finding.code):
            return suppression
    return None


class SuppressionMap:
    """The suppressions of every analysed file, parsed on first use (most files have none)."""

    def __init__(self, sources: dict[Path, str], allow_bare_noqa: bool) -> None:
        self._sources = sources
        self._allow_bare_noqa = allow_bare_noqa
        self._parsed: dict[Path, dict[int, Suppression]] = {}

    def at(self, path: Path, line: int, code: str) -> Suppression | None:
        """The suppression on ``line`` of ``path`` that covers ``code``, if any."""
        found = self._parsed.get(path)
        if found is None:
            source = self._sources.get(path, "")
            found = suppressions_in(path, source, self._allow_bare_noqa) \
                if "noqa" in source or "flaskscope:" in source else {}
            self._parsed[path] = found
        suppression = found.get(line)
        return suppression if suppression is not None and suppression.covers(code) else None
