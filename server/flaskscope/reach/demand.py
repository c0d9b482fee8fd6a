"""Which calls are worth a question to jedi: those whose answer can change a finding.

jedi is the slowest part of a run (most of a check's time on real projects), and almost all it is
asked about is ``d.get(...)``, ``client.post(...)`` or ``q.join(...)``: calls whose attribute name
happens to be the name of a workspace function, and whose answer is "nothing in the workspace".
An answer can only add a finding when the function it names may reach a sink needing more context
than the call has. This module says, per attribute name, the most context any workspace function of
that name may need, by an over-approximation on names alone; the search asks jedi only when that is
more than the context at the call (``Search._ask_jedi``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping

from flaskscope.levels import Level
from flaskscope.resolve.workspace import Workspace
from flaskscope.result import SinkSite


def needs_by_name(ws: Workspace, sink_sites: Iterable[SinkSite], views: set[str]) -> Mapping[str, Level]:
    """Function name -> the most context a workspace function of that name may need.

    It starts from the functions where a use really resolves to a sink that the code around it does
    not satisfy, and spreads to every function that calls one of those names, keeping the level.
    Views are left out: Flask runs them inside a request, and a name they share with a library
    method (``get``, ``post``, ``join``, ``delete``) made every test-client call and ``dict.get`` a
    question, each answered "nothing in the workspace".
    """
    needs: dict[str, Level] = {}
    for site in sink_sites:
        if site.in_view or site.needs <= site.local_level:
            continue
        name = ws.scopes[site.scope].name
        needs[name] = max(needs.get(name, Level.NONE), site.needs)
    callers: dict[str, set[str]] = {}
    for scope in ws.scopes.values():
        if scope.kind not in ("function", "lambda") or scope.qualname in views:
            continue
        for call in scope.calls:
            func = call.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called:
                callers.setdefault(called, set()).add(scope.name)
    frontier = list(needs)
    while frontier:
        callee = frontier.pop()
        for caller in callers.get(callee, ()):
            if needs.get(caller, Level.NONE) < needs[callee]:
                needs[caller] = needs[callee]
                frontier.append(caller)
    return needs
