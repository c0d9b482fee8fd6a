"""What an expression refers to, from the indexes alone.

Most names in real Flask code are settled by the module's imports and globals: ``current_app``
is ``flask.current_app`` by its import, ``db.session`` is the ``session`` of an instance of
``flask_sqlalchemy.SQLAlchemy`` by the assignment ``db = SQLAlchemy()`` in another module, and
``User.query`` reaches ``flask_sqlalchemy.Model.query`` through the class's bases. This is exact
for that code and costs microseconds; jedi is asked only about what is left (see ``jedi_fallback``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Callable

from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import Binding, ClassInfo, ModuleIndex, Scope
from flaskscope.knowledge.names import FACTORY_RESULTS, INSTANCE_ATTRIBUTES, canonical
from flaskscope.knowledge.roots import AFTER_TARGET, ARGS_KEYWORD, CALL_ROOTS, SPAWN_ARGUMENT_STYLE, CallRoot
from flaskscope.knowledge.sinks import ESCAPING_PROXIES, PROXY_FACTORIES

_MAX_DEPTH = 12


@dataclass(frozen=True)
class Value:
    """A symbolic value.

    kind: ``scope`` (a workspace function or lambda; ``bound`` when reached through an
    instance), ``class`` / ``instance`` (``name`` is a workspace class qualname or an external
    dotted name), ``module`` (workspace module), ``external`` (any other dotted name),
    ``proxy`` (a project-defined ``LocalProxy``; ``name`` is its factory's scope), ``scopes``
    (one of several workspace functions, ``|``-separated), ``unknown``.
    """

    kind: str
    name: str = ""
    bound: bool = False


UNKNOWN = Value("unknown")

# Decorators that turn a function into an object of a known class.
DECORATED_RESULTS: dict[str, str] = {
    "click.group": "click.Group",
    "click.command": "click.Command",
    "flask.cli.AppGroup.group": "flask.cli.AppGroup",
    "click.Group.group": "click.Group",
}


class Workspace:
    """Every indexed module, and lookup tables across them."""

    def __init__(self, modules: list[ModuleIndex]) -> None:
        self.modules: dict[str, ModuleIndex] = {m.name: m for m in modules}
        self.scopes: dict[str, Scope] = {}
        self.classes: dict[str, ClassInfo] = {}
        self.module_of_scope: dict[str, ModuleIndex] = {}
        for module in modules:
            self._add(module)

    def _add(self, module: ModuleIndex) -> None:
        self.modules[module.name] = module
        self.scopes.update(module.scopes)
        self.classes.update(module.classes)
        for qualname in module.scopes:
            self.module_of_scope[qualname] = module

    def with_modules(self, edited: list[ModuleIndex]) -> Workspace:
        """A copy with ``edited`` in place of the modules of the same names (cheaper than rebuilding)."""
        copy = Workspace([])
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


class Resolver:
    def __init__(self, workspace: Workspace, declared: frozenset[str] = frozenset(),
                 callers: CallsByName | None = None) -> None:
        self.ws = workspace
        # Workspace globals the project declared in its configuration (``extra-sinks``): resolution
        # stops at their qualified name instead of looking at what they are assigned.
        self.declared = declared
        self._active: set[tuple[str, int]] = set()
        self._returns: dict[str, Value] = {}
        self._callers: CallsByName | None = callers  # given by a focused run: the last whole run's, patched
        self._calls_by_target: dict[str, dict[str, list[tuple[Scope, ast.Call]]]] = {}
        self._grouping: set[str] = set()
        self._values: dict[tuple[str, int], Value] = {}
        self._names: dict[tuple[str, str], Value] = {}
        self._looking_up: set[tuple[str, str]] = set()
        self._chains: dict[str, list[ClassInfo]] = {}
        self._subclasses: dict[str, list[str]] | None = None
        self._decorators_by_name: dict[str, list[tuple[Scope, ast.expr]]] | None = None
        self._spawn_sites: dict[str, list[tuple[Scope, ast.Call, ast.expr, CallRoot]]] | None = None
        self._attributes_active: set[tuple[str, str]] = set()
        self._external_bases: dict[str, list[str]] = {}
        self._fixtures: dict[str, str] = {}
        self._fixture_functions: set[str] = set()
        self._fixture_values: dict[str, Value] = {}

    # ------------------------------------------------------------------ names
    def qualified(self, dotted: str) -> Value:
        """The value of a dotted name as an import statement spells it."""
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            module = ".".join(parts[:cut])
            if module in self.ws.modules:
                value = Value("module", module)
                for attr in parts[cut:]:
                    value = self.attribute(value, attr)
                return value
        return Value("external", canonical(dotted))

    def lookup(self, scope: Scope, name: str) -> Value:
        key = (scope.qualname, name)
        cached = self._names.get(key)
        if cached is None:
            if key in self._looking_up:
                return UNKNOWN
            self._looking_up.add(key)
            try:
                cached = self._lookup(scope, name)
            finally:
                self._looking_up.discard(key)
            self._names[key] = cached
        return cached

    def _lookup(self, scope: Scope, name: str) -> Value:
        binding = scope.locals.get(name)
        if binding is not None:
            if scope.kind in ("module", "script") and f"{scope.module}.{name}" in self.declared:
                return Value("external", f"{scope.module}.{name}")
            return self._binding_value(binding, scope, name)
        parent = self.ws.scopes.get(scope.parent) if scope.parent else None
        if parent is not None:
            # Asked of the enclosing scope, so a global used in a thousand functions of a module
            # is resolved once per module, not once per function.
            return self.lookup(parent, name)
        module = self.ws.module_of_scope.get(scope.qualname)
        if module is not None:
            for star in module.star_imports:
                value = self.qualified(f"{star}.{name}")
                if value.kind != "unknown" and not (value.kind == "external" and star in self.ws.modules):
                    return value
        return Value("external", f"builtins.{name}")

    def _binding_value(self, binding: Binding, owner: Scope, name: str) -> Value:
        if binding.kind == "def":
            return Value("scope", binding.target)
        if binding.kind == "class":
            return Value("class", binding.target)
        if binding.kind == "import":
            return self.qualified(binding.target)
        if binding.kind == "param":
            return self._param_value(owner, name, binding)
        if binding.kind == "assign" and binding.expr is not None:
            scope = self.ws.scopes.get(binding.scope, owner)
            return self.value_of(scope, binding.expr)
        if binding.kind == "element" and binding.expr is not None:
            value = self.value_of(self.ws.scopes.get(binding.scope, owner), binding.expr)
            return value if value.kind == "scopes" else UNKNOWN
        return UNKNOWN

    def decorators(self, function: Scope) -> list[tuple[str, ast.expr]]:
        """The qualified names of a function's decorators (``flask.cli.with_appcontext``, or the
        qualname of a workspace function, which the project's configuration may declare a provider
        or a root), each with its decorator expression; unresolved ones are left out."""
        parent = self.ws.scopes.get(function.parent or "")
        names = []
        for decorator in function.decorators:
            func = decorator.func if isinstance(decorator, ast.Call) else decorator
            value = self.value_of(parent, func) if parent else UNKNOWN
            if value.kind in ("external", "scope"):
                names.append((value.name, decorator))
        return names

    def origin(self, scope: Scope, expr: ast.expr, depth: int = 0) -> tuple[Scope, ast.Call] | None:
        """The call that created the object a name refers to (``celery = Celery(...)``), if known.

        Values say *what* an object is; this says *which one*, for per-instance facts such as the
        task class of one Celery app among several.
        """
        if depth > _MAX_DEPTH:
            return None
        if isinstance(expr, ast.Call):
            return scope, expr
        if isinstance(expr, ast.Name):
            walk: Scope | None = scope
            while walk is not None:
                binding = walk.locals.get(expr.id)
                if binding is not None:
                    return self._binding_origin(binding, walk, depth)
                walk = self.ws.scopes.get(walk.parent) if walk.parent else None
            return None
        if isinstance(expr, ast.Attribute):
            owner = self.value_of(scope, expr.value)
            if owner.kind == "module":
                binding = self.ws.modules[owner.name].globals.get(expr.attr)
                if binding is not None:
                    return self._binding_origin(binding, self.ws.modules[owner.name].body_scope, depth)
        return None

    def _binding_origin(self, binding: Binding, owner: Scope, depth: int) -> tuple[Scope, ast.Call] | None:
        if binding.kind == "assign" and binding.expr is not None:
            return self.origin(self.ws.scopes.get(binding.scope, owner), binding.expr, depth + 1)
        if binding.kind == "import":
            parts = binding.target.rsplit(".", 1)
            module = self.ws.modules.get(parts[0]) if len(parts) == 2 else None
            if module is not None and parts[1] in module.globals:
                return self._binding_origin(module.globals[parts[1]], module.body_scope, depth + 1)
        return None

    def _param_value(self, owner: Scope, name: str, binding: Binding) -> Value:
        if owner.class_qualname and owner.params and owner.params[0] == name:
            decorators = {dotted_text(d) for d in owner.decorators}
            if "staticmethod" in decorators:
                return UNKNOWN
            if "classmethod" in decorators:
                return Value("class", owner.class_qualname)
            return Value("instance", owner.class_qualname)
        if binding.expr is not None:
            annotation = self.value_of(self.ws.scopes.get(binding.scope, owner), binding.expr)
            if annotation.kind in ("class", "external"):
                return Value("instance", annotation.name)
            return UNKNOWN
        fixture = self._fixtures.get(name)
        if fixture is not None and (owner.name.startswith("test") or owner.qualname in self._fixture_functions):
            return self.fixture_value(fixture)
        return self._argument_value(owner, name)

    def use_fixtures(self, fixtures: dict[str, str]) -> None:
        """The workspace's pytest fixtures (name -> function), known before anything is resolved:
        a test's ``runner`` parameter is then what the ``runner`` fixture returns or yields."""
        self._fixtures = fixtures
        self._fixture_functions = set(fixtures.values())

    def fixture_value(self, qualname: str) -> Value:
        """What a pytest fixture gives the tests that request it: its return or yield value."""
        return self._first_known(self._fixture_values, qualname, lambda scope: [*scope.returns, *scope.yields])

    def _argument_value(self, function: Scope, param: str) -> Value:
        """An unannotated parameter takes the value its callers pass, when they agree.

        ``def register_commands(app)`` called as ``register_commands(app)`` from a factory where
        ``app = Flask(...)`` makes ``app.cli.command`` resolvable inside.
        """
        if function.kind != "function" or param not in function.params:
            return UNKNOWN
        position = function.params.index(param) - (1 if function.class_qualname else 0)
        found = UNKNOWN
        passed: list[Value] = []
        default = _default_of(function, param)
        calls = self._calls_to(function)
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
            arg = next((k.value for k in keywords if k.arg == param), None)
            if arg is None and 0 <= position < len(args) and not isinstance(args[position], ast.Starred):
                arg = args[position]
            if arg is None and (keywords and any(k.arg is None for k in keywords)
                                or any(isinstance(a, ast.Starred) for a in args)):
                value = UNKNOWN  # ``f(*args, **kwargs)``: which parameter gets what is not known
            elif arg is None and default is not None:
                parent = self.ws.scopes.get(function.parent or "")
                value = self.value_of(parent, default) if parent is not None else UNKNOWN  # the default applies
            else:
                value = self.value_of(caller, arg) if arg is not None else UNKNOWN
            if spawned and value.kind == "external" and value.name in ESCAPING_PROXIES:
                value = UNKNOWN  # a proxy handed to a thread is unbound there: FCX103 says so at the handing
            passed.append(value)
            if found.kind == "unknown" and value.kind != "unknown":
                found = value
        if found.kind in ("external", "instance", "class") and any(value != found for value in passed):
            # A library object (``request``) passed by one caller is not what another passes (a test's
            # stand-in): the parameter is that object only where every call agrees.
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
            if self.value_of(caller, call.func) != Value("external", root.callee) \
                    or function not in scope_names(self.value_of(caller, target)):
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
            value = self.value_of(parent, expr.func if isinstance(expr, ast.Call) else expr)
            target = function.parent if applied_by_factory else decorator
            if value.kind == "scope" and value.name == target:
                found.append(scope.qualname)
        return found

    def _constructions(self, init: Scope) -> list[tuple[Scope, ast.Call]]:
        """The calls of the class (or of a subclass that inherits this ``__init__``) that run ``init``."""
        found = []
        for name in {init.class_qualname or "", *self.subclasses(init.class_qualname or "")}:
            info = self.ws.classes.get(name)
            if info is None:
                continue
            for caller, call in self.calls_by_name().get(info.name, ()):
                target = self.value_of(caller, call.func)
                if target.kind == "class" and target.name == name \
                        and self.class_member(name, "__init__", True).name == init.qualname:
                    found.append((caller, call))
        return found

    def subclasses(self, class_qualname: str) -> list[str]:
        """The workspace classes that have ``class_qualname`` among their bases (directly or not)."""
        if self._subclasses is None:
            self._subclasses = {}
            for info in list(self.ws.classes.values()):
                for base in self.class_chain(info.qualname)[1:]:
                    self._subclasses.setdefault(base.qualname, []).append(info.qualname)
        return self._subclasses.get(class_qualname, [])

    def callers_of(self, function: Scope) -> list[Scope]:
        """The workspace scopes that call ``function`` directly (by resolved name)."""
        callers: list[Scope] = []
        for caller, _call in self._calls_to(function):
            if not any(caller is known for known in callers):
                callers.append(caller)
        return callers

    def _calls_to(self, function: Scope) -> list[tuple[Scope, ast.Call]]:
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
                    target = self.value_of(caller, call.func)
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
        if self._callers is None:
            self._callers = calls_by_name(self.ws.scopes.values())
        return self._callers

    # ------------------------------------------------------------ expressions
    def value_of(self, scope: Scope, expr: ast.expr) -> Value:
        """Memoised per (scope, expression): the workspace does not change during a run."""
        key = (scope.qualname, id(expr))
        cached = self._values.get(key)
        if cached is not None:
            return cached
        if key in self._active or len(self._active) > _MAX_DEPTH:
            return UNKNOWN  # a cycle or a very deep chain: unknown here, not remembered
        self._active.add(key)
        try:
            value = self._value_of(scope, expr)
        finally:
            self._active.discard(key)
        self._values[key] = value
        return value

    def _value_of(self, scope: Scope, expr: ast.expr) -> Value:
        if isinstance(expr, ast.Name):
            return self.lookup(scope, expr.id)
        if isinstance(expr, ast.Attribute):
            return self.attribute(self.value_of(scope, expr.value), expr.attr)
        if isinstance(expr, ast.Call):
            return self.call_result(scope, expr)
        if isinstance(expr, ast.Lambda):
            module = self.ws.module_of_scope.get(scope.qualname)
            qualname = module.lambdas.get(id(expr)) if module else None
            return Value("scope", qualname) if qualname else UNKNOWN
        if isinstance(expr, (ast.Tuple, ast.List)):
            return self._functions_of(scope, expr.elts)
        return UNKNOWN

    def _functions_of(self, scope: Scope, elements: list[ast.expr]) -> Value:
        """A literal sequence of functions (``JOBS = (sync, audit)``): a loop over it calls each."""
        names = []
        for element in elements:
            value = self.value_of(scope, element)
            if value.kind == "scope":
                names.append(value.name)
            elif value.kind == "scopes":
                names.extend(value.name.split("|"))
            else:
                return UNKNOWN
        return Value("scopes", "|".join(names)) if names else UNKNOWN

    def call_result(self, scope: Scope, call: ast.Call) -> Value:
        func = self.value_of(scope, call.func)
        if func.kind == "class":
            return Value("instance", func.name)
        if func.kind == "scope":
            return self.return_value(func.name)
        if func.kind != "external":
            return UNKNOWN
        name = func.name
        if name == "functools.partial" and call.args:
            return self.value_of(scope, call.args[0])
        if name in PROXY_FACTORIES and call.args:
            factory = self.value_of(scope, call.args[0])
            return Value("proxy", factory.name) if factory.kind == "scope" else UNKNOWN
        if name in FACTORY_RESULTS:
            return Value("instance", canonical(FACTORY_RESULTS[name]))
        if name in DECORATED_RESULTS:
            return Value("decorator", name)
        last = name.rsplit(".", 1)[-1]
        if last[:1].isupper():
            return Value("instance", name)
        return UNKNOWN

    def return_value(self, qualname: str) -> Value:
        """What a workspace function returns, when every return agrees (``create_app()`` -> Flask)."""
        return self._first_known(self._returns, qualname, lambda scope: scope.returns)

    def _first_known(self, memo: dict[str, Value], qualname: str,
                     produced: Callable[[Scope], list[ast.expr]]) -> Value:
        """The first of the values a function produces (``produced``: its returns, yields) that resolves.

        Memoised in ``memo``; unknown while being computed, so a function reaching itself ends.
        """
        if qualname in memo:
            return memo[qualname]
        memo[qualname] = UNKNOWN
        scope = self.ws.scopes.get(qualname)
        result = UNKNOWN
        if scope is not None:
            for node in produced(scope):
                value = self.value_of(scope, node)
                if value.kind != "unknown":
                    result = value
                    break
        memo[qualname] = result
        return result

    def attribute(self, value: Value, attr: str) -> Value:
        if value.kind == "module":
            return self._module_attribute(value.name, attr)
        if value.kind == "external":
            return Value("external", canonical(f"{value.name}.{attr}"))
        if value.kind in ("class", "instance"):
            if value.name in self.ws.classes:
                return self.class_member(value.name, attr, value.kind == "instance")
            key = canonical(f"{value.name}.{attr}")
            if value.kind == "instance" and key in INSTANCE_ATTRIBUTES:
                kind, name = INSTANCE_ATTRIBUTES[key]
                return Value(kind, name)
            return Value("external", key)
        if value.kind == "scope":
            decorated = self.decorated_type(value.name)
            if decorated is not None:
                return self.attribute(Value("instance", decorated), attr)
        return UNKNOWN

    def _module_attribute(self, module_name: str, attr: str) -> Value:
        """An attribute of a workspace module; import cycles (``from a import *`` both ways) end here."""
        key = (module_name, attr)
        if key in self._attributes_active:
            return UNKNOWN
        self._attributes_active.add(key)
        try:
            return self._find_module_attribute(module_name, attr)
        finally:
            self._attributes_active.discard(key)

    def _find_module_attribute(self, module_name: str, attr: str) -> Value:
        module = self.ws.modules[module_name]
        binding = module.globals.get(attr)
        if f"{module_name}.{attr}" in self.declared:
            return Value("external", f"{module_name}.{attr}")
        if binding is not None:
            return self._binding_value(binding, module.body_scope, attr)
        submodule = f"{module_name}.{attr}"
        if submodule in self.ws.modules:
            return Value("module", submodule)
        for star in module.star_imports:
            found = self.qualified(f"{star}.{attr}")
            if found.kind != "external" or star not in self.ws.modules:
                return found
        return UNKNOWN

    def class_member(self, class_qualname: str, attr: str, via_instance: bool) -> Value:
        for info in self.class_chain(class_qualname):
            if attr in info.methods:
                return Value("scope", info.methods[attr], bound=via_instance)
            if attr in info.attributes:
                binding = info.attributes[attr]
                scope = self.ws.scopes.get(binding.scope)
                if scope is not None and binding.expr is not None:
                    return self.value_of(scope, binding.expr)
        for external in self.external_bases(class_qualname):
            key = canonical(f"{external}.{attr}")
            if via_instance and key in INSTANCE_ATTRIBUTES:
                kind, name = INSTANCE_ATTRIBUTES[key]
                return Value(kind, name)
            return Value("external", key)
        if via_instance:
            return self._subclass_member(class_qualname, attr)
        return UNKNOWN

    def _subclass_member(self, class_qualname: str, attr: str) -> Value:
        """``self.model`` in a base class's method, set only by its subclasses (``self.model = User`` in
        ``UserExporter.__init__``): the object is one of them, so the value is known when every
        subclass that sets it agrees."""
        values = set()
        for name in self.subclasses(class_qualname):
            info = self.ws.classes[name]
            if attr in info.methods or attr in info.attributes:
                values.add(self.class_member(name, attr, True))
        return values.pop() if len(values) == 1 else UNKNOWN

    # ---------------------------------------------------------------- classes
    def base_values(self, info: ClassInfo) -> list[Value]:
        scope = self.ws.scopes.get(info.scope)
        if scope is None:
            return []
        return [self.value_of(scope, base) for base in info.bases]

    def class_chain(self, class_qualname: str) -> list[ClassInfo]:
        """The class and its workspace bases, in a simple depth-first MRO."""
        cached = self._chains.get(class_qualname)
        if cached is None:
            cached = self._chains[class_qualname] = self._class_chain(class_qualname)
        return cached

    def _class_chain(self, class_qualname: str) -> list[ClassInfo]:
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
        cached = self._external_bases.get(class_qualname)
        if cached is None:
            cached = self._external_bases[class_qualname] = self._find_external_bases(class_qualname)
        return cached

    def _find_external_bases(self, class_qualname: str) -> list[str]:
        names: list[str] = []
        for info in self.class_chain(class_qualname):
            for value in self.base_values(info):
                if value.kind == "external" and value.name not in names:
                    names.append(value.name)
                elif value.kind == "class" and value.name not in self.ws.classes and value.name not in names:
                    names.append(value.name)  # e.g. ``db.Model`` -> flask_sqlalchemy.Model
        return names

    def decorated_type(self, qualname: str) -> str | None:
        """``@click.group() def cli()`` makes ``cli`` a ``click.Group``."""
        scope = self.ws.scopes.get(qualname)
        if scope is None:
            return None
        parent = self.ws.scopes.get(scope.parent or "")
        for decorator in scope.decorators:
            if parent is None:
                break
            value = self.value_of(parent, decorator)
            if value.kind == "decorator":
                result = DECORATED_RESULTS[value.name]
                if isinstance(decorator, ast.Call):
                    for keyword in decorator.keywords:
                        if keyword.arg == "cls":
                            cls = self.value_of(parent, keyword.value)
                            if cls.kind in ("external", "class"):
                                return cls.name
                return result
            if value.kind == "external" and value.name in DECORATED_RESULTS:
                return DECORATED_RESULTS[value.name]
        return None


def scope_names(value: Value) -> tuple[str, ...]:
    """The workspace functions a value may be (none, one, or each of a literal sequence)."""
    if value.kind == "scope":
        return (value.name,)
    if value.kind == "scopes":
        return tuple(value.name.split("|"))
    return ()


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
