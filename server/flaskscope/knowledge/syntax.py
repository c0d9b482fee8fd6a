"""Syntax newer Pythons accept that the running one rejects: recognised from the parse error.

Each row: the Python version that first accepts it, a pattern over the error message (or None),
a pattern over the offending line (or None; both must match when both are given), and what it
is, for the message. Checked only when the running Python is older than the row's version, so a
real syntax error is never explained away as a newer Python's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NewerSyntax:
    version: tuple[int, int]
    message: re.Pattern[str] | None
    line: re.Pattern[str] | None
    what: str


NEWER_SYNTAX: tuple[NewerSyntax, ...] = (
    # PEP 701 (3.12): f-strings reusing their quotes, nesting, backslashes and comments inside.
    NewerSyntax((3, 12), re.compile(r"^f-string(: unmatched| expression part cannot include|: expecting)"), None,
                "an f-string written the Python 3.12 way (PEP 701: quotes reused, backslashes or comments inside)"),
    NewerSyntax((3, 12), re.compile(r"^unterminated (triple-quoted )?string literal"),
                re.compile(r"""\bf(["']).*\{[^}]*\1"""), "an f-string written the Python 3.12 way (PEP 701)"),
    # PEP 695 (3.12): type parameters and the ``type`` statement.
    NewerSyntax((3, 12), None, re.compile(r"^\s*type\s+\w+(\[.*\])?\s*="), "a `type` alias statement (PEP 695)"),
    NewerSyntax((3, 12), None, re.compile(r"^\s*(async\s+)?def\s+\w+\s*\["), "a generic function (PEP 695)"),
    NewerSyntax((3, 12), None, re.compile(r"^\s*class\s+\w+\s*\["), "a generic class (PEP 695)"),
    # PEP 758 (3.14): ``except A, B:`` without parentheses; PEP 750 (3.14): template strings.
    NewerSyntax((3, 14), re.compile(r"^multiple exception types must be parenthesized"), None,
                "`except` with several types and no parentheses (PEP 758)"),
    NewerSyntax((3, 14), None, re.compile(r"""(^|[^\w])[tT][rR]?(["'])"""), "a template string (PEP 750)"),
)
