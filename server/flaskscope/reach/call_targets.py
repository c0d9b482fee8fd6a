"""What a call in a scope runs: the workspace functions it targets, by the indexes or by jedi.

The indexes settle most calls (a name, a method of a known class, a command named by
``runner.invoke``, a decorator a factory returns, the receivers a signal's ``send`` runs); jedi is
asked about the rest only where its answer can matter (``demand``). ``Search`` follows the targets.
"""

from __future__ import annotations

import ast
from typing import Mapping

from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import CallSite, Ref, Scope
from flaskscope.knowledge.roots import (
    CLI_GROUP_CLASS,
    COMMAND_BY_NAME_CALLS,
    DEFERRED_INVOCATIONS,
    INHERITING_CALLS,
    UNBOUND_CONSTRUCTIONS,
)
from flaskscope.levels import Level
from flaskscope.resolve.jedi_fallback import JediFallback
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.signals import Signals
from flaskscope.resolve.values import Value, scope_names

# Literals and displays: ``"/".join(...)`` or ``{...}.get(...)`` calls a method of a builtin type.
_BUILTIN_DISPLAYS = (ast.Constant, ast.JoinedStr, ast.List, ast.Tuple, ast.Dict, ast.Set, ast.ListComp,
                     ast.DictComp, ast.SetComp, ast.GeneratorExp)


class CallTargets:
    def __init__(self, resolver: Resolver, jedi: JediFallback | None, worth_asking: Mapping[str, Level],
                 commands: Mapping[str, set[str]]) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self.jedi = jedi
        self.worth_asking = worth_asking
        self.commands = commands  # CLI command name -> functions (``Entries.commands``)
        self.signals = Signals(resolver)
        self._call_targets: dict[int, tuple[str, ...]] = {}
        self._asked_jedi: dict[int, tuple[str, ...]] = {}

    def walked(self, call: CallSite) -> bool:
        """Whether the search has followed (or tried to follow) this call."""
        return id(call) in self._call_targets

    def of(self, scope: Scope, call: CallSite) -> tuple[str, ...]:
        """What the call targets by the indexes, or by what jedi said of it in this run."""
        cached = self._call_targets.get(id(call))
        if cached is None:
            cached = self._call_targets[id(call)] = self._resolve_call(scope, call)
        return cached or self._asked_jedi.get(id(call), ())

    def ask_jedi(self, scope: Scope, call: CallSite, level: Level) -> tuple[str, ...]:
        """jedi's answer for a call the indexes leave unknown, asked only when it can matter: some
        workspace function of the called name may reach a sink needing more than ``level``."""
        func = call.func
        if self.jedi is None or not isinstance(func, ast.Attribute) or isinstance(func.value, _BUILTIN_DISPLAYS) \
                or self.worth_asking.get(func.attr, Level.NONE) <= level \
                or self.resolver.value_of(scope, func).kind != "unknown":
            return ()
        module = self.ws.module_of_scope[scope.qualname]
        line = call.span.end_line
        column = call.span.end_col - len(func.attr)
        found = self.jedi.targets(module.path.resolve(), module.source, line, column)
        targets = tuple(target for target in found if target in self.ws.scopes)  # an answer may predate an edit
        if targets:
            self._asked_jedi[id(call)] = targets
        return targets

    def _resolve_call(self, scope: Scope, call: CallSite) -> tuple[str, ...]:
        receivers = self.signals.sent_by(scope, call.node) if not call.is_decorator else ()
        found = self._resolve_callee(scope, call)
        return tuple(dict.fromkeys((*found, *receivers))) if receivers else found

    def _resolve_callee(self, scope: Scope, call: CallSite) -> tuple[str, ...]:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in DEFERRED_INVOCATIONS:
            receiver = self.resolver.value_of(scope, func.value)
            if receiver.kind == "scope":
                return ()  # ``task.delay()`` runs the task elsewhere, not here
        value = self.resolver.value_of(scope, func)
        if value.kind == "external" and value.name in INHERITING_CALLS:
            position, keyword = INHERITING_CALLS[value.name]
            argument = next((k.value for k in call.node.keywords if keyword and k.arg == keyword), None)
            if argument is None and len(call.node.args) > position:
                argument = call.node.args[position]
            command = self.resolver.value_of(scope, argument) if argument is not None else None
            by_name = command is None or command == Value("instance", CLI_GROUP_CLASS)  # app.cli's commands
            if value.name in COMMAND_BY_NAME_CALLS and by_name:
                return self._commands_named(call.node, *COMMAND_BY_NAME_CALLS[value.name])
            return scope_names(command) if command is not None else ()
        if call.is_decorator and isinstance(func, ast.Call):
            return self._applied_decorators(scope, func)
        if call.is_decorator and value.kind == "scope":
            return (value.name,)
        if value.kind in ("scope", "scopes"):
            return tuple(name for name in scope_names(value) if name in self.ws.scopes)
        if value.kind in ("class", "instance") and value.name in self.ws.classes:
            if value.kind == "class" and self._constructs_unbound(value.name, call.node):
                return ()
            member = "__init__" if value.kind == "class" else "__call__"
            method = self.resolver.class_member(value.name, member, True)
            return (method.name,) if method.kind == "scope" else ()
        return ()

    def _applied_decorators(self, scope: Scope, factory_call: ast.Call) -> tuple[str, ...]:
        """``@factory(x)`` applies what ``factory(x)`` returns: followed only when every ``return`` of the
        factory names a function defined in it (a decorator that is also usable bare, returning
        ``decorator(fn)`` on some path, is left alone: which path runs depends on the argument)."""
        factory = self.resolver.value_of(scope, factory_call.func)
        function = self.ws.scopes.get(factory.name) if factory.kind == "scope" else None
        if function is None or not function.returns:
            return ()
        found: set[str] = set()
        for returned in function.returns:
            value = self.resolver.value_of(function, returned) if isinstance(returned, ast.Name) else None
            if value is None or value.kind != "scope" or self.ws.scopes[value.name].parent != function.qualname:
                return ()
            found.add(value.name)
        return tuple(sorted(found))

    def _commands_named(self, call: ast.Call, position: int, keyword: str) -> tuple[str, ...]:
        """The app's CLI commands a ``runner.invoke(args=...)`` names: ``"seed-db --email x"`` or
        ``["seed-db", ...]`` (a literal; anything else names no command that can be known)."""
        args = next((k.value for k in call.keywords if k.arg == keyword), None)
        if args is None and len(call.args) > position:
            args = call.args[position]
        first: ast.expr | None = args
        if isinstance(args, (ast.List, ast.Tuple)):
            first = args.elts[0] if args.elts else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            return ()
        words = first.value.split() if first is args else [first.value]
        # A name kept from a whole run may since have been renamed (a focused run).
        return tuple(sorted(f for f in self.commands.get(words[0], ()) if f in self.ws.scopes)) if words else ()

    def _constructs_unbound(self, class_qualname: str, call: ast.Call) -> bool:
        """``RegionField(...)`` of a wtforms field subclass makes an ``UnboundField``: no ``__init__`` runs."""
        keywords = {k.arg for k in call.keywords}
        return any(base.startswith(prefix) and base.endswith(suffix) and binding not in keywords
                   for base in self.resolver.external_bases(class_qualname)
                   for prefix, suffix, binding in UNBOUND_CONSTRUCTIONS)


def bound_arguments(callee: Scope, call: ast.Call) -> list[tuple[str, ast.expr]]:
    """(parameter, argument) for the plain arguments of a call (up to a ``*args``; ``**kwargs`` ignored)."""
    params = list(callee.params)
    if callee.class_qualname is not None and params and not any(
            dotted_text(d) == "staticmethod" for d in callee.decorators):
        params = params[1:]  # ``self`` / ``cls``, bound by the attribute the call goes through
    bound: list[tuple[str, ast.expr]] = []
    for position, argument in enumerate(call.args):
        if isinstance(argument, ast.Starred) or position >= len(params):
            break
        bound.append((params[position], argument))
    bound.extend((k.arg, k.value) for k in call.keywords if k.arg is not None and k.arg in params)
    return bound


def first_straight_use(function: Scope, param: str) -> Ref | None:
    """The first read of ``param`` that dereferences it (``inviter.name``, ``org.domains``) and runs
    whenever the function does, while ``param`` is still the parameter (never assigned in the body)."""
    binding = function.locals.get(param)
    if binding is None or binding.kind != "param":
        return None
    for ref in function.refs:
        if ref.names[0] == param and ref.straight and (len(ref.names) > 1 or ref.use in ("deref", "call")):
            return ref
    return None
