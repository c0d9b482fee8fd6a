"""From each root, follow calls to the sinks reached with less context than they need.

The unit of work is a *summary*: ``explore(scope, level)`` lists the sinks reachable from the
entry of ``scope`` when it is entered with ``level``, each with one witness chain. Summaries are
memoised per (scope, level) — three levels at most — so shared helpers are explored once however
many roots reach them, and recursion is a cycle that contributes nothing new rather than a loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping, NamedTuple

from flaskscope.findings import Hop
from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import CallSite, Ref, Scope, Span
from flaskscope.knowledge.sinks import Sink
from flaskscope.levels import Level
from flaskscope.reach.call_targets import CallTargets, bound_arguments, first_straight_use
from flaskscope.reach.decorator_levels import pushed_by_decorators
from flaskscope.reach.entry_data import ProjectFacts
from flaskscope.reach.import_sites import imported_modules
from flaskscope.reach.summary import Hit, Summary
from flaskscope.resolve.contexts import context_entered
from flaskscope.resolve.jedi_fallback import JediFallback
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import Value

Keep = Callable[[Hit], None]  # collects a hit, keeping the shortest chain per sink

class _ModuleImport(NamedTuple):
    """An import that runs a module's body (one reached by import: it has no root of its own)."""

    module: str
    body: str  # the module body scope's qualname
    level: Level  # the context the code around the import provides
    span: Span


_NOTHING = Summary((), False)
# A cycle's results only grow from round to round (a call back into it never "always raises"), so
# the rounds stop by themselves; the bound is a guard against an oversight, not a tuning knob.
_MAX_CYCLE_ROUNDS = 12


class Search:
    def __init__(self, resolver: Resolver, facts: ProjectFacts, jedi: JediFallback | None,
                 worth_asking: Mapping[str, Level], commands: Mapping[str, set[str]] | None = None) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self.facts = facts
        self.commands = commands or {}  # CLI command name -> functions (``Entries.commands``)
        self.calls = CallTargets(resolver, jedi, worth_asking, self.commands)
        self._memo: dict[tuple[str, Level], Summary] = {}
        self._reused: dict[tuple[str, Level], Summary] = {}
        self._stale: set[str] = set()
        self._ordered: dict[str, list[Ref | CallSite | _ModuleImport]] = {}
        self._withs: dict[str, list[tuple[int, int, Level]]] = {}
        # Summaries of a call cycle are computed together (see ``summary``): the depth at which each
        # unfinished summary sits on the stack, the lowest depth each frame's result depended on,
        # results of cycle members waiting for their cycle's head, and the last result of each.
        self._depth: dict[tuple[str, Level], int] = {}
        self._lows: list[int] = []
        self._pending: dict[tuple[str, Level], tuple[Summary, int]] = {}
        self._tentative: dict[tuple[str, Level], Summary] = {}
        self._cycle_heads: set[int] = set()
        self._changes = 0
        self._ref_values: dict[int, list[Value]] = {}
        # scope -> the scopes the search entered from it (calls, proxies, properties), whatever the
        # level: what an edit of one module can change is found by walking these edges backwards.
        self.edges: dict[str, set[str]] = {}

    @property
    def worth_asking(self) -> Mapping[str, Level]:
        """Attribute name -> the most context a workspace function of that name may need (``demand``)."""
        return self.calls.worth_asking

    @worth_asking.setter
    def worth_asking(self, value: Mapping[str, Level]) -> None:
        self.calls.worth_asking = value

    def walked(self, call: CallSite) -> bool:
        """Whether the search has followed (or tried to follow) this call."""
        return self.calls.walked(call)

    def call_targets(self, scope: Scope, call: CallSite) -> tuple[str, ...]:
        return self.calls.of(scope, call)

    def explore(self, qualname: str, level: Level) -> tuple[Hit, ...]:
        return self.summary(qualname, level).hits

    def reuse(self, summaries: dict[tuple[str, Level], Summary], stale: set[str]) -> None:
        """Take another search's summaries (a whole run's) for every scope not in ``stale``.

        A focused run marks stale the scopes that can reach an edited module: the others lead to
        the same sinks as before the edit, so their summaries stand.
        """
        self._reused, self._stale = summaries, stale

    def summaries(self) -> dict[tuple[str, Level], Summary]:
        return self._memo

    def summary(self, qualname: str, level: Level) -> Summary:
        """The summary of entering ``qualname`` with ``level``, complete even inside call cycles.

        Recursion makes the summaries of a strongly connected set of functions depend on each other.
        A call back into an unfinished summary gets that summary's last result (empty at first, and
        never "always raises", so the walk it is part of goes on); the cycle's head (the first of them
        entered) recomputes the cycle until no member's result changes, and only then are they
        stored. A summary is never stored from a half-computed one: a function reached from a
        second root through the cycle reports everything the cycle reaches.
        """
        key = (qualname, level)
        if key in self._memo:
            return self._memo[key]
        if qualname not in self._stale and key in self._reused:
            return self._reused[key]
        if key in self._depth:
            self._depends_on(self._depth[key])
            partial = self._tentative.get(key)
            return Summary(partial.hits, False) if partial is not None else _NOTHING
        if key in self._pending:
            result, low = self._pending[key]
            self._depends_on(low)
            return result
        depth = len(self._lows)
        self._depth[key] = depth
        self._lows.append(depth)
        try:
            for _ in range(_MAX_CYCLE_ROUNDS):
                changes = self._changes
                result = self._explore(self.ws.scopes[qualname], level)
                if self._tentative.get(key) != result:
                    self._tentative[key] = result
                    self._changes += 1
                low = self._lows[depth]
                if low < depth:  # a member of a cycle entered below: its head decides when it is done
                    self._pending[key] = (result, low)
                    return result
                if depth not in self._cycle_heads or self._changes == changes:
                    break  # no cycle through here, or a round that changed nothing: complete
                # The cycle's members were computed from this head's previous result: again.
                self._forget_pending(depth)
            self._settle(depth)
            self._tentative.pop(key, None)
            self._memo[key] = result
            return result
        finally:
            del self._depth[key]
            low = self._lows.pop()
            self._cycle_heads.discard(depth)
            if self._lows:
                self._lows[-1] = min(self._lows[-1], low)

    def _depends_on(self, depth: int) -> None:
        """The running frame used the unfinished summary at ``depth``."""
        self._lows[-1] = min(self._lows[-1], depth)
        self._cycle_heads.add(depth)

    def _forget_pending(self, head: int) -> None:
        for key in [k for k, (_, low) in self._pending.items() if low >= head]:
            del self._pending[key]

    def _settle(self, head: int) -> None:
        """Store the results of a finished cycle's members (computed from its final round)."""
        for key in [k for k, (_, low) in self._pending.items() if low >= head]:
            self._memo[key] = self._pending.pop(key)[0]
            self._tentative.pop(key, None)

    def _explore(self, scope: Scope, entry: Level) -> Summary:
        """Walk the scope's references and calls in source order.

        A *straight* event (one that runs whenever the scope gets that far) that always raises
        ends the walk: Python never runs what follows it, so later sinks are not reported —
        they are what the user meets only after fixing the first. One that always raises inside a
        block (a loop body, an ``if`` branch) ends that block the same way.
        """
        path = self.ws.module_of_scope[scope.qualname].path
        best: dict[tuple[Path, Span, str], Hit] = {}

        def keep(hit: Hit) -> None:
            key = (hit.path, hit.span, hit.code)
            current = best.get(key)
            if current is None or len(hit.chain) < len(current.chain):
                best[key] = hit

        withs = self._with_levels(scope) if scope.dynamic_withs else ()
        dead: list[tuple[int, ...]] = []  # blocks in which an event always raised: the rest never runs
        for event in self._events(scope):
            if dead and not isinstance(event, _ModuleImport) \
                    and any(event.region[: len(block)] == block for block in dead):
                continue
            line = event.spans[-1].line if isinstance(event, Ref) else event.span.line
            pushed = max((lvl for first, last, lvl in withs if first <= line <= last), default=Level.NONE)
            if isinstance(event, _ModuleImport):
                level = max(entry, event.level, pushed)
                if level is not Level.REQUEST:
                    self.edges.setdefault(scope.qualname, set()).add(event.body)
                    self._enter(event.body, level, Hop(path, line, event.module, scope.qualname), keep)
                continue
            if isinstance(event, CallSite):
                level = max(entry, event.level, pushed)
                raised = level is not Level.REQUEST and self._check_call(scope, event, level, path, keep)
            else:
                level = max(entry, event.level, pushed)
                raised = level is not Level.REQUEST and self._check_ref(scope, event, level, path, keep)
            if raised and event.straight:
                return Summary(tuple(best.values()), True)
            if raised:
                dead.append(event.region)
        return Summary(tuple(best.values()), False)

    def _with_levels(self, scope: Scope) -> list[tuple[int, int, Level]]:
        """The lines of ``with`` blocks whose item pushes a context the index could not name:
        ``with app_ctx():`` (a ``@contextmanager`` that yields inside ``app.app_context()``),
        ``with self.make_request():`` (a method returning ``test_request_context()``)."""
        cached = self._withs.get(scope.qualname)
        if cached is None:
            cached = []
            for expr, first, last in scope.dynamic_withs:
                level = context_entered(self.resolver, scope, expr)
                if level is not Level.NONE:
                    cached.append((first, last, level))
            self._withs[scope.qualname] = cached
        return cached

    def _events(self, scope: Scope) -> list[Ref | CallSite | _ModuleImport]:
        events = self._ordered.get(scope.qualname)
        if events is None:
            merged: list[Ref | CallSite | _ModuleImport] = [*scope.refs, *scope.calls, *self._imports_run(scope)]
            events = sorted(merged, key=lambda e: (e.spans[-1] if isinstance(e, Ref) else e.span).line * 10000
                            + (e.spans[-1] if isinstance(e, Ref) else e.span).col)
            self._ordered[scope.qualname] = events
        return events

    def _imports_run(self, scope: Scope) -> list[_ModuleImport]:
        """The imports in ``scope`` that run a module body no import-time root covers
        (``ProjectFacts.reached_by_import``)."""
        found: list[_ModuleImport] = []
        if not scope.imports or not self.facts.reached_by_import:
            return found
        for name, level, line in scope.imports:
            for module in imported_modules(self.ws, name, scope.module):
                if module in self.facts.reached_by_import:
                    found.append(_ModuleImport(module, self.ws.modules[module].body_scope.qualname, level,
                                               Span(line, 0, line, 0)))
        return found

    def _check_call(self, scope: Scope, call: CallSite, level: Level, path: Path, keep: Keep) -> bool:
        """Follow a call; True when every target always raises at this level."""
        targets = self.calls.of(scope, call) or self.calls.ask_jedi(scope, call, level)
        always = bool(targets)
        if targets:
            self.edges.setdefault(scope.qualname, set()).update(targets)
        for target in targets:
            callee = self.ws.scopes[target]
            hop = Hop(path, call.span.line, callee.name, scope.qualname)
            pushed = pushed_by_decorators(self.resolver.decorators(callee), self.facts.knowledge) \
                if callee.decorators else Level.NONE
            summary = self.summary(target, max(level, pushed))
            for hit in summary.hits:
                keep(Hit(hit.code, hit.path, hit.span, hit.symbol, hit.needs, hit.had, (hop, *hit.chain)))
            always = always and summary.always_raises and not callee.is_generator and not callee.is_async
            if callee.params and not call.is_decorator and (call.node.args or call.node.keywords):
                self._passed_proxies(scope, call, callee, max(level, pushed), path, hop, keep)
        return always

    def _passed_proxies(self, scope: Scope, call: CallSite, callee: Scope, level: Level, path: Path, hop: Hop,
                        keep: Keep) -> None:
        """``send_invite(current_user, email)`` where ``send_invite`` reads ``inviter.name`` first thing:
        the proxy is dereferenced in the callee, in this caller's context. The callee's summary sees
        a parameter's value only when every caller passes the same one, so a proxy passed by this
        call alone is followed here, on this call's chain."""
        for param, argument in bound_arguments(callee, call.node):
            value = self.resolver.value_of(scope, argument)
            sink: Sink | None = None
            if value.kind == "external":
                sink = self.facts.knowledge.sinks.get(value.name)
                if sink is None or not _fires(sink, "deref", None):
                    continue
            elif value.kind != "proxy":
                continue
            if self.resolver.lookup(callee, param) == value:
                continue  # every caller passes it: the callee's own summary follows it
            deref = first_straight_use(callee, param)
            if deref is None:
                continue
            at = Hop(self.ws.module_of_scope[callee.qualname].path, deref.spans[0].line, param, callee.qualname)
            entered = max(level, deref.level)
            if entered is Level.REQUEST:
                continue
            if value.kind == "proxy":
                self.edges.setdefault(callee.qualname, set()).add(value.name)
                for hit in self.summary(value.name, entered).hits:
                    keep(Hit(hit.code, hit.path, hit.span, hit.symbol, hit.needs, hit.had, (hop, at, *hit.chain)))
                continue
            if sink is None:
                continue
            code = self._rule_for(sink, entered)
            # The argument's own reference: ast counts columns in UTF-8 bytes and spans in editor
            # columns, so the column settles it only where the line is ASCII.
            spelled = dotted_text(argument)
            candidates = [ref for ref in scope.refs if ref.spans[0].line == argument.lineno
                          and ".".join(ref.names) == spelled and ref.use == "bare"]
            passed = next((ref for ref in candidates if ref.spans[0].col == argument.col_offset),
                          candidates[0] if candidates else None)
            if code is not None and passed is not None:
                symbol = ".".join(passed.names)
                keep(Hit(code, path, passed.spans[-1], symbol, sink.needs, entered,
                         (Hop(path, passed.spans[-1].line, symbol, scope.qualname), at)))

    # ------------------------------------------------------------------ refs
    def ref_values(self, scope: Scope, ref: Ref) -> list[Value]:
        cached = self._ref_values.get(id(ref))
        if cached is not None:
            return cached
        values = [self.resolver.lookup(scope, ref.names[0])]
        for name in ref.names[1:]:
            if values[-1].kind == "unknown":
                break
            values.append(self.resolver.attribute(values[-1], name))
        self._ref_values[id(ref)] = values
        return values

    def _stored(self, scope: Scope, name: str) -> bool:
        """Is ``name`` a variable assigned in ``scope`` or a scope around it (not an import)?"""
        current: Scope | None = scope
        while current is not None:
            binding = current.locals.get(name)
            if binding is not None:
                return binding.kind == "assign"
            current = self.ws.scopes.get(current.parent) if current.parent else None
        return False

    def _check_ref(self, scope: Scope, ref: Ref, level: Level, path: Path, keep: Keep) -> bool:
        """Check one reference; True when it always raises at this level."""
        values = self.ref_values(scope, ref)
        for i, value in enumerate(values):
            is_last = i == len(ref.names) - 1
            use = ref.use if is_last else "deref"
            symbol = ".".join(ref.names[: i + 1])
            if value.kind == "external" and value.name in self.facts.knowledge.sinks:
                sink = self.facts.knowledge.sinks[value.name]
                if i == 0 and sink.value_outlives_context and self._stored(scope, ref.names[0]):
                    return False  # ``engine = db.engine`` ran where it was stored; this is the object
                if _fires(sink, use, ref if is_last else None):
                    code = self._rule_for(sink, level)
                    if code is not None:
                        keep(Hit(code, path, ref.spans[i], symbol, sink.needs, level,
                                 (Hop(path, ref.spans[i].line, symbol, scope.qualname),)))
                        return True
                return False
            if value.kind == "proxy" and use != "bare" and use != "truth":
                self.edges.setdefault(scope.qualname, set()).add(value.name)
                return self._enter(value.name, level, Hop(path, ref.spans[i].line, symbol, scope.qualname), keep)
            if value.kind == "scope" and value.bound and use != "call" and self.ws.scopes[value.name].is_property:
                self.edges.setdefault(scope.qualname, set()).add(value.name)
                return self._enter(value.name, level, Hop(path, ref.spans[i].line, symbol, scope.qualname), keep)
        return False

    def _enter(self, target: str, level: Level, hop: Hop, keep: Keep) -> bool:
        summary = self.summary(target, level)
        for hit in summary.hits:
            keep(Hit(hit.code, hit.path, hit.span, hit.symbol, hit.needs, hit.had, (hop, *hit.chain)))
        return summary.always_raises

    def _rule_for(self, sink: Sink, level: Level) -> str | None:
        if sink.app_only_rule and level is Level.APP:
            return None if self.facts.server_name_configured else sink.app_only_rule
        if level >= sink.needs:
            return None
        return sink.rule_code


def _fires(sink: Sink, use: str, ref: Ref | None) -> bool:
    """Does this use of the sink's name raise?"""
    if sink.trigger == "access":
        return True
    if sink.trigger == "deref":
        return use in ("deref", "call")
    if use != "call":
        return False
    if sink.unless_keyword and ref is not None and (sink.unless_keyword in ref.keywords or ref.has_star_kwargs):
        return False
    return True
