"""The workspace classes' hierarchy as the resolver sees it: bases, chains and subclasses.

A class's bases are expressions (``db.Model``, ``BaseView``), so the hierarchy is only known by
resolving them; each answer is kept for the run because class members, Celery task levels and
pytest's test classes all ask about the same few classes again and again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import ClassInfo
from flaskscope.resolve.values import Value

if TYPE_CHECKING:
    from flaskscope.resolve.resolver import Resolver


class ClassHierarchy:
    """Bases, depth-first chains and subclasses of workspace classes, for one ``Resolver``."""

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver
        self.ws = resolver.ws
        self._chains: dict[str, list[ClassInfo]] = {}
        self._subclasses: dict[str, list[str]] | None = None
        self._external_bases: dict[str, list[str]] = {}

    def base_values(self, info: ClassInfo) -> list[Value]:
        """What each base expression of a class resolves to, in the order they are written."""
        scope = self.ws.scopes.get(info.scope)
        if scope is None:
            return []
        return [self._resolver.value_of(scope, base) for base in info.bases]

    def chain(self, class_qualname: str) -> list[ClassInfo]:
        """The class and its workspace bases, in a simple depth-first MRO."""
        cached = self._chains.get(class_qualname)
        if cached is None:
            cached = self._chains[class_qualname] = self._find_chain(class_qualname)
        return cached

    def _find_chain(self, class_qualname: str) -> list[ClassInfo]:
        chain: list[ClassInfo] = []
        stack = [class_qualname]
        while stack:
            name = stack.pop(0)
            info = self.ws.classes.get(name)
            if info is None or info in chain:
                continue
            chain.append(info)
            stack.extend(v.name for v in self.base_values(info) if v.kind == "class")
        return chain

    def external_bases(self, class_qualname: str) -> list[str]:
        """The bases from outside the workspace of a class and of its workspace bases."""
        cached = self._external_bases.get(class_qualname)
        if cached is None:
            cached = self._external_bases[class_qualname] = self._find_external_bases(class_qualname)
        return cached

    def _find_external_bases(self, class_qualname: str) -> list[str]:
        names: list[str] = []
        for info in self.chain(class_qualname):
            for value in self.base_values(info):
                if value.kind == "external" and value.name not in names:
                    names.append(value.name)
                elif value.kind == "class" and value.name not in self.ws.classes and value.name not in names:
                    names.append(value.name)  # e.g. ``db.Model`` -> flask_sqlalchemy.Model
        return names

    def unresolved_bases(self, class_qualname: str) -> list[str]:
        """The bases, as written, of a class and of its workspace bases that resolve to nothing
        (an import that finds one of several copies of a module, a base made at run time)."""
        return [dotted_text(base) or "?" for info in self.chain(class_qualname)
                for base, value in zip(info.bases, self.base_values(info), strict=False) if value.kind == "unknown"]

    def known_subclasses(self) -> dict[str, list[str]] | None:
        """The subclass table, if this run has built it (qualnames only: it outlives the run)."""
        return self._subclasses

    def use_subclasses(self, table: dict[str, list[str]]) -> None:
        """Take another run's subclass table: the caller knows no class or base changed since."""
        self._subclasses = table

    def subclasses(self, class_qualname: str) -> list[str]:
        """The workspace classes that have ``class_qualname`` among their bases (directly or not)."""
        if self._subclasses is None:
            self._subclasses = {}
            for info in list(self.ws.classes.values()):
                for base in self.chain(info.qualname)[1:]:
                    self._subclasses.setdefault(base.qualname, []).append(info.qualname)
        return self._subclasses.get(class_qualname, [])
