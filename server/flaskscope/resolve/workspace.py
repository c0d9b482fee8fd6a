"""The workspace: every indexed module, and the tables that look across them.

A run builds one ``Workspace`` from the modules' indexes; a focused run after an edit copies it
with the edited modules swapped in (``with_modules``) and patches the whole run's table of calls
by name (``PatchedCalls``) instead of rebuilding either, which is what keeps an edit cheap.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from flaskscope.index.columns import SourceColumns
from flaskscope.index.model import ClassInfo, ModuleIndex, Scope, Span


class Workspace:
    """Every indexed module, and lookup tables across them."""

    def __init__(self, modules: list[ModuleIndex], duplicated: frozenset[str] = frozenset()) -> None:
        """``duplicated``: names of modules the workspace defines twice (two example apps, each with
        its own ``app`` package), of which only the first copy is indexed."""
        self.modules: dict[str, ModuleIndex] = {m.name: m for m in modules}
        self.ambiguous: frozenset[str] = frozenset(name.split(".")[0] for name in duplicated)
        self.scopes: dict[str, Scope] = {}
        self.classes: dict[str, ClassInfo] = {}
        self.module_of_scope: dict[str, ModuleIndex] = {}
        self._columns: dict[str, tuple[ModuleIndex, SourceColumns]] = {}
        for module in modules:
            self._add(module)

    def _add(self, module: ModuleIndex) -> None:
        self.modules[module.name] = module
        self.scopes.update(module.scopes)
        self.classes.update(module.classes)
        for qualname in module.scopes:
            self.module_of_scope[qualname] = module

    def scopes_in(self, modules: frozenset[str]) -> list[Scope]:
        """The scopes of the named modules (those in the workspace), module by module in name order."""
        return [s for name in sorted(modules) if name in self.modules for s in self.modules[name].scopes.values()]

    def importable(self, importer: str, dotted: str) -> bool:
        """Whether an import of ``dotted`` in module ``importer`` is known to mean the indexed copy.
        A top-level name several directories define is found on ``sys.path``, which depends on how
        the importer is run (``python examples/two/run.py`` finds ``examples/two/app``): it means the
        indexed copy only to a module beside that copy (under the same source root)."""
        top = dotted.split(".", 1)[0]
        if top not in self.ambiguous:
            return True
        kept, module = self.modules.get(top), self.modules.get(importer)
        return kept is not None and module is not None and _source_root(module) == _source_root(kept)

    def path_of(self, scope: Scope) -> Path:
        """The file a scope is written in."""
        return self.module_of_scope[scope.qualname].path

    def span_of(self, scope: Scope, node: ast.AST) -> Span:
        """Where an expression written in ``scope`` is, in the columns editors count: what findings
        carry instead of the node (they are plain data)."""
        module = self.module_of_scope[scope.qualname]
        known = self._columns.get(module.name)
        if known is None or known[0] is not module:
            known = self._columns[module.name] = (module, SourceColumns(module.source))
        return known[1].span(node)

    def with_modules(self, edited: list[ModuleIndex]) -> Workspace:
        """A copy with ``edited`` in place of the modules of the same names (cheaper than rebuilding)."""
        copy = Workspace([])
        copy.ambiguous = self.ambiguous
        copy.modules, copy.scopes = dict(self.modules), dict(self.scopes)
        copy.classes, copy.module_of_scope = dict(self.classes), dict(self.module_of_scope)
        for module in edited:
            old = copy.modules.get(module.name)
            if old is not None:
                for qualname in old.scopes:
                    copy.scopes.pop(qualname, None)
                    copy.module_of_scope.pop(qualname, None)
                for qualname in old.classes:
                    copy.classes.pop(qualname, None)
            copy._add(module)
        return copy


CallsByName = Mapping[str, Sequence[tuple[Scope, ast.Call]]]


def calls_by_name(scopes: Iterable[Scope]) -> dict[str, list[tuple[Scope, ast.Call]]]:
    """The calls of ``scopes`` by the name they spell (``f(...)`` and ``x.f(...)`` both under ``f``)."""
    table: dict[str, list[tuple[Scope, ast.Call]]] = {}
    for scope in scopes:
        for call in scope.calls:
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name and not call.is_decorator:
                table.setdefault(name, []).append((scope, call.node))
    return table


class PatchedCalls(Mapping[str, Sequence[tuple[Scope, ast.Call]]]):
    """A whole run's calls by name with some modules' calls swapped for their edited versions."""

    def __init__(self, base: CallsByName, replaced: frozenset[str], scopes: Iterable[Scope],
                 groups: dict[str, dict[str, list[tuple[Scope, ast.Call]]]]) -> None:
        self._base = base
        self.replaced = replaced
        self._extra = calls_by_name(scopes)
        self.groups = groups  # the whole run's ``Resolver.call_groups()``, reused for unedited modules

    def edited(self, name: str) -> Sequence[tuple[Scope, ast.Call]]:
        """The calls named ``name`` in the edited modules."""
        return self._extra.get(name, ())

    def __getitem__(self, name: str) -> Sequence[tuple[Scope, ast.Call]]:
        found = [entry for entry in self._base.get(name, ()) if entry[0].module not in self.replaced]
        found.extend(self._extra.get(name, ()))
        if not found and name not in self._base and name not in self._extra:
            raise KeyError(name)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter({*self._base, *self._extra})

    def __len__(self) -> int:
        return len({*self._base, *self._extra})


def _source_root(module: ModuleIndex) -> Path:
    """The directory a module's dotted name starts from (``R`` for ``R/pkg/mod.py`` named ``pkg.mod``)."""
    depth = module.name.count(".") + (1 if module.is_package else 0)
    return module.path.absolute().parents[depth] if depth < len(module.path.absolute().parents) else module.path
