"""What unittest's ``setUpClass`` and ``setUp`` leave pushed for each test of a class.

unittest runs them through the MRO: a method that calls ``super().setUp()`` (or
``Base.setUp(self)``) runs the base's, and one that calls ``self.helper()`` runs the helper; what
they push and never pop is the context every test of the class starts in. A base class that does
not resolve, or that lives outside the workspace and is no known test base, is a gap.
"""

from __future__ import annotations

import ast

from flaskscope.findings import Gap
from flaskscope.index.model import ClassInfo
from flaskscope.knowledge import testing as table
from flaskscope.knowledge.gaps import GapKind
from flaskscope.levels import Level
from flaskscope.resolve.resolver import Resolver

_MAX_SETUP_DEPTH = 4


class UnittestSetup:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.ws = resolver.ws

    def class_setup_level(self, class_qualname: str) -> tuple[Level, Gap | None]:
        """What ``setUpClass``/``setUp`` (and their pytest-style twins) leave pushed for each test."""
        level = Level.NONE
        chain = self.resolver.class_chain(class_qualname)
        for method in table.SETUP_METHODS:
            level = max(level, self._method_level(chain, 0, method, 0))
        gap = None
        for base in self.resolver.unresolved_bases(class_qualname):
            if level < Level.REQUEST:
                info = chain[0]
                gap = gap or Gap(GapKind.UNRESOLVED_BASE.value, self.ws.modules[info.module].path, info.span.line,
                                 f"base class `{base}` cannot be resolved")
        for base in self.resolver.external_bases(class_qualname):
            if base in table.CONTEXT_TEST_BASES:
                level = max(level, table.CONTEXT_TEST_BASES[base])
            elif base not in table.PLAIN_TEST_BASES and level < Level.REQUEST:
                info = chain[0]
                gap = gap or Gap(GapKind.UNRESOLVED_BASE.value, self.ws.modules[info.module].path, info.span.line,
                                 f"base class `{base}` is not in the workspace")
        return level, gap

    def _method_level(self, chain: list[ClassInfo], start: int, name: str, depth: int) -> Level:
        """The level a method leaves pushed, found from ``chain[start]`` on, following ``super()`` calls."""
        if depth > _MAX_SETUP_DEPTH:
            return Level.NONE
        for index in range(start, len(chain)):
            qualname = chain[index].methods.get(name)
            if qualname is None:
                continue
            scope = self.ws.scopes[qualname]
            level = scope.exit_level
            for call in scope.calls:
                func = call.func
                if not isinstance(func, ast.Attribute):
                    continue
                if func.attr == name and _is_super(func.value):
                    level = max(level, self._method_level(chain, index + 1, name, depth + 1))
                elif func.attr == name:
                    owner = self.resolver.value_of(scope, func.value)
                    if owner.kind == "class":
                        level = max(level, self._method_level(self.resolver.class_chain(owner.name), 0, name,
                                                              depth + 1))
                elif isinstance(func.value, ast.Name) and func.value.id in ("self", "cls") and call.straight:
                    level = max(level, self._method_level(chain, 0, func.attr, depth + 1))
            return level
        return Level.NONE


def _is_super(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "super"
