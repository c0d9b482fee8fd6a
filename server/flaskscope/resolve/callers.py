"""Who calls a workspace function, and what they pass it.

An unannotated parameter is resolved from its callers: ``def register_commands(app)`` called as
``register_commands(app)`` from a factory where ``app = Flask(...)`` makes ``app.cli.command``
resolvable inside. The callers are direct calls, constructions (for ``__init__``), decorator
applications (``@background`` calls ``background(send)``) and spawners that hand arguments over
(``Thread(target=f, args=(x,))``). Finding them cheaply is most of the work: candidate calls are
found by the name they spell and only those are resolved, once per name, and a focused run reuses
the whole run's grouping for the modules it did not edit.

``Callers`` belongs to one ``Resolver`` and asks it what each candidate call targets, while the
resolver asks it about parameters: the two recurse into each other, with the resolver's cycle
guards ending the recursion.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import Scope
from flaskscope.knowledge.roots import AFTER_TARGET, ARGS_KEYWORD, CALL_ROOTS, SPAWN_ARGUMENT_STYLE, CallRoot
from flaskscope.knowledge.sinks import ESCAPING_PROXIES
from flaskscope.resolve.values import UNKNOWN, Value, scope_names
from flaskscope.resolve.workspace import CallsByName, PatchedCalls, calls_by_name

if TYPE_CHECKING:
    from flaskscope.resolve.resolver import Resolver


class Callers:
    """The calls, constructions, decorations and spawns that reach a workspace function."""

    def __init__(self, resolver: Resolver, by_name: CallsByName | None = None) -> None:
        self._resolver = resolver
        self.ws = resolver.ws
        self._by_name: CallsByName | None = by_name  # given by a focused run: the last whole run's, patched
        self._calls_by_target: dict[str, dict[str, list[tuple[Scope, ast.Call]]]] = {}
        self._grouping: set[str] = set()
        self._decorators_by_name: dict[str, list[tuple[Scope, ast.expr]]] | None = None
        self._spawn_sites: dict[str, list[tuple[Scope, ast.Call, ast.expr, CallRoot]]] | None = None

    def argument_value(self, function: Scope, param: str) -> Value:
        """An unannotated parameter takes the value its callers pass, when they agree.

        ``def register_commands(app)`` called as ``register_commands(app)`` from a factory where
        ``app = Flask(...)`` makes ``app.cli.command`` resolvable inside.
        """
        if function.kind != "function" or param not in function.params:
            return UNKNOWN
        position = _position(function, param)
        found = UNKNOWN
        passed: list[Value] = []
        default = _default_of(function, param)
        calls = self.calls_to(function)
        if function.name == "__init__" and function.class_qualname is not None:
            calls = calls + self._constructions(function)
        if position == 0 and not function.class_qualname:
            # ``@background`` on ``def send(...)`` calls ``background(send)``: the decorated functions
            passed.extend(Value("scope", decorated) for decorated in self.decorated_by(function.qualname))
            found = passed[0] if passed else found
        argument_lists = [(caller, call.args, call.keywords, False) for caller, call in calls]
        # ``Thread(target=f, args=(x,))``: what a spawner hands over
        argument_lists += [(*handed, True) for handed in self.spawned_with(function.qualname)]
        for caller, args, keywords, spawned in argument_lists:
            value = self._passed(function, position, param, default, caller, args, keywords)
            if value.kind == "scope" and value.bound and self.ws.scopes[value.name].is_property:
                # ``send_invite(self.current_user)``: the getter ran at the call; what it returned is passed
                value = self._resolver.return_value(value.name)
            if spawned and value.kind == "external" and value.name in ESCAPING_PROXIES:
                value = UNKNOWN  # a proxy handed to a thread is unbound there: FCX103 says so at the handing
            passed.append(value)
            if found.kind == "unknown" and value.kind != "unknown":
                found = value
        if found.kind in ("external", "instance", "class", "proxy") and any(value != found for value in passed):
            # A library object (``request``) or a project's proxy (``current_org``) passed by one caller
            # is not what another passes (a test's stand-in, a row loaded by a command): the parameter
            # is that object only where every call agrees.
            return UNKNOWN
        functions = list(dict.fromkeys(name for value in passed if value.kind in ("scope", "scopes")
                                       for name in value.name.split("|")))
        if len(functions) > 1 and function.name == "__init__":
            # Each construction makes its own object: which one reaches a use is not known here, so
            # a value stored on the instance is known only when every construction agrees.
            return UNKNOWN
        if len(functions) > 1:  # ``requires(staff_only)`` here, ``requires(api_key_valid)`` there: either runs
            return Value("scopes", "|".join(functions))
        return found

    def passed_at(self, function: Scope, param: str, caller: Scope, call: ast.Call) -> Value:
        """What one call passes ``function``'s parameter ``param`` (its default when it passes none)."""
        if param not in function.params:
            return UNKNOWN
        position = _position(function, param)
        return self._passed(function, position, param, _default_of(function, param), caller, call.args, call.keywords)

    def _passed(self, function: Scope, position: int, param: str, default: ast.expr | None,
                caller: Scope, args: list[ast.expr], keywords: list[ast.keyword]) -> Value:
        arg = next((k.value for k in keywords if k.arg == param), None)
        if arg is None and 0 <= position < len(args) and not isinstance(args[position], ast.Starred):
            arg = args[position]
        if arg is None and (keywords and any(k.arg is None for k in keywords)
                            or any(isinstance(a, ast.Starred) for a in args)):
            return UNKNOWN  # ``f(*args, **kwargs)``: which parameter gets what is not known
        if arg is None and default is not None:
            parent = self.ws.scopes.get(function.parent or "")  # the default applies
            return self._resolver.value_of(parent, default) if parent is not None else UNKNOWN
        return self._resolver.value_of(caller, arg) if arg is not None else UNKNOWN

    def spawned_with(self, function: str) -> list[tuple[Scope, list[ast.expr], list[ast.keyword]]]:
        """The arguments spawners hand ``function`` (``Thread(target=f, args=(x,), kwargs={...})``,
        ``executor.submit(f, x)``), as (site scope, positional arguments, keyword arguments).

        Candidate sites are found by the name their target is spelled with, and only those are
        resolved (see ``decorated_by`` for why)."""
        scope = self.ws.scopes.get(function)
        if scope is None:
            return []
        if self._spawn_sites is None:
            self._spawn_sites = {}
            for root in CALL_ROOTS:
                if SPAWN_ARGUMENT_STYLE.get(root.callee) not in (ARGS_KEYWORD, AFTER_TARGET):
                    continue
                for caller, call in self.calls_by_name().get(root.callee.rsplit(".", 1)[-1], ()):
                    target = next((k.value for k in call.keywords if root.keyword and k.arg == root.keyword), None)
                    if target is None and root.position is not None and len(call.args) > root.position:
                        target = call.args[root.position]
                    spelled = dotted_text(target) if target is not None else None
                    if spelled and target is not None:
                        self._spawn_sites.setdefault(spelled.rsplit(".", 1)[-1], []).append(
                            (caller, call, target, root))
        found = []
        for caller, call, target, root in self._spawn_sites.get(scope.name, ()):
            if self._resolver.value_of(caller, call.func) != Value("external", root.callee) \
                    or function not in scope_names(self._resolver.value_of(caller, target)):
                continue
            style = SPAWN_ARGUMENT_STYLE[root.callee]
            found.append((caller, *_handed_arguments(call, style, root.position, root.keyword)))
        return found

    def decorated_by(self, decorator: str) -> list[str]:
        """The workspace functions ``decorator`` (a workspace function used as ``@decorator``, or the
        nested function a ``@factory(...)`` returns) is applied to.

        Candidates are found by the name the decorator is spelled with (no resolution), then only
        those are resolved: resolving every decorator of the workspace from inside a resolution in
        progress would remember half-known answers for all of them.
        """
        function = self.ws.scopes.get(decorator)
        if function is None:
            return []
        if self._decorators_by_name is None:
            self._decorators_by_name = {}
            for scope in self.ws.scopes.values():
                for expr in scope.decorators if scope.kind == "function" else ():
                    spelled = dotted_text(expr.func if isinstance(expr, ast.Call) else expr) or ""
                    self._decorators_by_name.setdefault(spelled.rsplit(".", 1)[-1], []).append((scope, expr))
        factory = self.ws.scopes.get(function.parent or "")
        applied_by_factory = factory is not None and factory.kind == "function"
        spelled_as = factory.name if applied_by_factory and factory is not None else function.name
        found = []
        for scope, expr in self._decorators_by_name.get(spelled_as, ()):
            parent = self.ws.scopes.get(scope.parent or "")
            if parent is None or isinstance(expr, ast.Call) != applied_by_factory:
                continue
            value = self._resolver.value_of(parent, expr.func if isinstance(expr, ast.Call) else expr)
            target = function.parent if applied_by_factory else decorator
            if value.kind == "scope" and value.name == target:
                found.append(scope.qualname)
        return found

    def _constructions(self, init: Scope) -> list[tuple[Scope, ast.Call]]:
        """The calls of the class (or of a subclass that inherits this ``__init__``) that run ``init``."""
        found = []
        for name in {init.class_qualname or "", *self._resolver.hierarchy.subclasses(init.class_qualname or "")}:
            info = self.ws.classes.get(name)
            if info is None:
                continue
            for caller, call in self.calls_by_name().get(info.name, ()):
                target = self._resolver.value_of(caller, call.func)
                if target.kind == "class" and target.name == name \
                        and self._resolver.class_member(name, "__init__", True).name == init.qualname:
                    found.append((caller, call))
        return found

    def callers_of(self, function: Scope) -> list[Scope]:
        """The workspace scopes that call ``function`` directly (by resolved name)."""
        callers: list[Scope] = []
        for caller, _call in self.calls_to(function):
            if not any(caller is known for known in callers):
                callers.append(caller)
        return callers

    def calls_to(self, function: Scope) -> list[tuple[Scope, ast.Call]]:
        """The calls that resolve to ``function``, in source order of the workspace.

        The calls spelling its name are resolved once per name and grouped by target: asking
        again for another function of the same name costs a dictionary lookup, not a scan of
        every call with that name (which made large workspaces quadratic). A focused run takes
        the whole run's grouping for unedited modules and resolves only the edited modules' calls:
        resolving every call named ``get`` again would cost more than the rest of the run.
        """
        name = function.name
        callers = self.calls_by_name()
        patched = callers if isinstance(callers, PatchedCalls) else None
        reused = patched.groups.get(name) if patched is not None else None
        grouped = self._calls_by_target.get(name)
        if grouped is None:
            if name in self._grouping:  # asked again while resolving those very calls: no answer yet
                return []
            self._grouping.add(name)
            try:
                grouped = {}
                for caller, call in (patched.edited(name) if patched is not None and reused is not None
                                     else callers.get(name, ())):
                    target = self._resolver.value_of(caller, call.func)
                    if target.kind == "scope":
                        grouped.setdefault(target.name, []).append((caller, call))
            finally:
                self._grouping.discard(name)
            self._calls_by_target[name] = grouped
        found = grouped.get(function.qualname, [])
        if patched is not None and reused is not None:
            kept = [entry for entry in reused.get(function.qualname, ()) if entry[0].module not in patched.replaced]
            return kept + found
        return found

    def call_groups(self) -> dict[str, dict[str, list[tuple[Scope, ast.Call]]]]:
        """The calls resolved so far, by the name they spell and then by target (for a focused run)."""
        return self._calls_by_target

    def calls_by_name(self) -> CallsByName:
        """Every call of the workspace by the name it spells (built once, reusable by a focused run)."""
        if self._by_name is None:
            self._by_name = calls_by_name(self.ws.scopes.values())
        return self._by_name


def _position(function: Scope, param: str) -> int:
    """Where a call passes ``param`` positionally: a method's first parameter is its object."""
    return function.params.index(param) - (1 if function.class_qualname else 0)


def _default_of(function: Scope, param: str) -> ast.expr | None:
    """The default value expression of a parameter, if it has one."""
    node = function.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    for arg, default in zip(reversed(positional), reversed(args.defaults), strict=False):
        if arg.arg == param:
            return default
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        if arg.arg == param:
            return kw_default
    return None


def _handed_arguments(call: ast.Call, style: str, position: int | None, keyword: str | None
                      ) -> tuple[list[ast.expr], list[ast.keyword]]:
    """The arguments a spawner passes on to its target, in the target's own terms."""
    if style == AFTER_TARGET:
        after = call.args[(position or 0) + 1:] if position is not None else []
        return list(after), [k for k in call.keywords if k.arg != keyword]
    args = next((k.value for k in call.keywords if k.arg == "args"), None)
    kwargs = next((k.value for k in call.keywords if k.arg == "kwargs"), None)
    positional: list[ast.expr] = list(args.elts) if isinstance(args, (ast.Tuple, ast.List)) else \
        ([ast.Starred(value=args)] if args is not None else [])  # ``args=some_tuple``: not known
    named = [ast.keyword(arg=k.value, value=v) for k, v in zip(kwargs.keys, kwargs.values, strict=True)
             if isinstance(k, ast.Constant) and isinstance(k.value, str)] if isinstance(kwargs, ast.Dict) else []
    if kwargs is not None and not isinstance(kwargs, ast.Dict):
        named.append(ast.keyword(arg=None, value=kwargs))  # ``kwargs=options``: not known
    return positional, named
