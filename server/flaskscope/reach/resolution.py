"""How much of what the entry points reach the analysis could follow: a recall measure without labels.

A call the resolver cannot name (an attribute of an object whose type is not known, a callable
passed in) is a place where a path to a sink may go unseen. For every root, the calls its search
walked are counted, and those that stayed unresolved (``Value.kind == "unknown"`` and no answer from
jedi). Real projects nobody here labelled can then say whether resolution work pays: the share goes
down without a single verdict. ``check --statistics`` prints it.
"""

from __future__ import annotations

import ast
import statistics
from dataclasses import dataclass, field

from flaskscope.findings import Root
from flaskscope.index.model import CallSite, Scope
from flaskscope.levels import Level
from flaskscope.reach.search import Search


@dataclass
class ResolutionCoverage:
    roots: int = 0  # roots whose paths make at least one call
    calls: int = 0  # distinct calls on those paths
    unresolved: int = 0  # of them, the ones no target was found for
    root_shares: list[float] = field(default_factory=list)  # per root: unresolved / calls

    @property
    def share(self) -> float:
        return self.unresolved / self.calls if self.calls else 0.0

    def as_data(self) -> dict[str, float | int]:
        return {"roots": self.roots, "calls": self.calls, "unresolved": self.unresolved,
                "share": round(self.share, 4),
                "median_root_share": round(statistics.median(self.root_shares), 4) if self.root_shares else 0.0}


def measure(search: Search, roots: list[Root]) -> ResolutionCoverage:
    """The coverage of the calls the search walked from ``roots`` (after their findings were collected)."""
    ws = search.ws
    unresolved_calls: dict[int, bool] = {}  # id(call) -> stayed unresolved
    reach_of: dict[str, frozenset[str]] = {}
    coverage = ResolutionCoverage()
    for root in roots:
        if not root.scope or root.level is Level.REQUEST or root.scope not in ws.scopes:
            continue
        reached = reach_of.get(root.scope)
        if reached is None:
            reached = reach_of[root.scope] = _reached(search, root.scope)
        calls = unresolved = 0
        for qualname in reached:
            scope = ws.scopes[qualname]
            for call in scope.calls:
                if not search.walked(call):
                    continue
                key = id(call)
                if key not in unresolved_calls:
                    unresolved_calls[key] = _stays_unresolved(search, scope, call)
                calls += 1
                unresolved += unresolved_calls[key]
        if calls:
            coverage.roots += 1
            coverage.root_shares.append(unresolved / calls)
    coverage.calls = len(unresolved_calls)
    coverage.unresolved = sum(unresolved_calls.values())
    return coverage


def _stays_unresolved(search: Search, scope: Scope, call: CallSite) -> bool:
    """No target was found and nothing says what the callee is. A method of a library object
    (``bp.get(...)``, ``session.commit()``) is the library's: the tables say what of it needs a
    context, so it is not a hole in the project's call graph."""
    if search.call_targets(scope, call) or search.resolver.value_of(scope, call.func).kind != "unknown":
        return False
    return not _library_rooted(search, scope, call.func)


def _library_rooted(search: Search, scope: Scope, expr: ast.expr) -> bool:
    """Part of ``expr`` (``json.loads(s).get``, ``pytest.mark.parametrize(...)``, ``bp.get``) is a
    library's name or object: what follows it is the library's, whose return types are not modelled."""
    while isinstance(expr, (ast.Attribute, ast.Call, ast.Subscript)):
        expr = expr.func if isinstance(expr, ast.Call) else expr.value
        value = search.resolver.value_of(scope, expr)
        if value.kind == "external" or (value.kind in ("instance", "class") and value.name not in search.ws.classes):
            return True
        if value.kind == "module" and value.name not in search.ws.modules:
            return True
    return False


def _reached(search: Search, start: str) -> frozenset[str]:
    seen = {start}
    pending = [start]
    while pending:
        for callee in search.edges.get(pending.pop(), ()):
            if callee not in seen and callee in search.ws.scopes:
                seen.add(callee)
                pending.append(callee)
    return frozenset(seen)
