"""What an expression refers to, from the indexes alone.

Most names in real Flask code are settled by the module's imports and globals: ``current_app``
is ``flask.current_app`` by its import, ``db.session`` is the ``session`` of an instance of
``flask_sqlalchemy.SQLAlchemy`` by the assignment ``db = SQLAlchemy()`` in another module, and
``User.query`` reaches ``flask_sqlalchemy.Model.query`` through the class's bases. This is exact
for that code and costs microseconds; jedi is asked only about what is left (see ``jedi_fallback``).

The ``Resolver`` settles names, attributes and call results itself; what callers pass a parameter
(``callers``) and the class hierarchy (``classes``) are worked out by its two helpers.
"""

from __future__ import annotations

import ast
from typing import Callable

from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import Binding, ClassInfo, Scope
from flaskscope.knowledge.names import DECORATED_RESULTS, FACTORY_RESULTS, INSTANCE_ATTRIBUTES, canonical
from flaskscope.knowledge.sinks import PROXY_FACTORIES
from flaskscope.resolve.callers import Callers
from flaskscope.resolve.classes import ClassHierarchy
from flaskscope.resolve.values import UNKNOWN, Value, is_literal, literal_value
from flaskscope.resolve.workspace import CallsByName, Workspace

MAX_DEPTH = 12  # how deep a chain of names or origins is followed before giving up


class Resolver:
    """What names, attributes and calls of one workspace are, memoised for the run."""

    def __init__(self, workspace: Workspace, declared: frozenset[str] = frozenset(),
                 callers: CallsByName | None = None) -> None:
        self.ws = workspace
        # Workspace globals the project declared in its configuration (``extra-sinks``): resolution
        # stops at their qualified name instead of looking at what they are assigned.
        self.declared = declared
        self._active: set[tuple[str, int]] = set()
        self._returns: dict[str, Value] = {}
        self.callers = Callers(self, callers)  # given by a focused run: the last whole run's, patched
        self.hierarchy = ClassHierarchy(self)
        self._values: dict[tuple[str, int], Value] = {}
        self._names: dict[tuple[str, str], Value] = {}
        self._looking_up: set[tuple[str, str]] = set()
        self._attributes_active: set[tuple[str, str]] = set()
        self._fixtures: dict[str, str] = {}
        self._fixture_functions: set[str] = set()
        self._fixture_values: dict[str, Value] = {}

    # ------------------------------------------------------------------ names
    def qualified(self, dotted: str) -> Value:
        """The value of a dotted name as an import statement spells it."""
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            module = ".".join(parts[:cut])
            if module in self.ws.modules and not (cut == len(parts) and self._shadowed_submodule(parts)):
                value = Value("module", module)
                for attr in parts[cut:]:
                    value = self.attribute(value, attr)
                return value
        return Value("external", canonical(dotted))

    def _shadowed_submodule(self, parts: list[str]) -> bool:
        """``from shop.models import db`` finds the package's attribute ``db`` first: when its
        ``__init__`` rebinds the name (``from .db import db``), that object, not the submodule
        ``shop.models.db``, is what the import gives. (Only the last name of an import is looked up
        as an attribute; the modules before it are found by the import system.)"""
        if len(parts) < 2:
            return False
        package = self.ws.modules.get(".".join(parts[:-1]))
        binding = package.globals.get(parts[-1]) if package is not None else None
        if binding is None:
            return False
        return not (binding.kind == "import" and binding.target == ".".join(parts))

    def lookup(self, scope: Scope, name: str) -> Value:
        key = (scope.qualname, name)
        cached = self._names.get(key)
        if cached is None:
            if key in self._looking_up:
                return UNKNOWN  # ``app = configure(app)``: the assignment falls back to an earlier one
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
            if not self.ws.importable(owner.module, binding.target):
                return UNKNOWN  # which of the module's copies this import finds is not known
            return self.qualified(binding.target)
        if binding.kind == "param":
            return self._param_value(owner, name, binding)
        if binding.kind == "assign" and binding.expr is not None:
            scope = self.ws.scopes.get(binding.scope, owner)
            value = self.value_of(scope, binding.expr)
            if (value.kind == "unknown" or is_literal(value)) and binding.earlier:
                return self._earlier_value(scope, binding) or value
            return value
        if binding.kind == "element" and binding.expr is not None:
            value = self.value_of(self.ws.scopes.get(binding.scope, owner), binding.expr)
            return value if value.kind == "scopes" else UNKNOWN
        return UNKNOWN

    def _earlier_value(self, scope: Scope, binding: Binding) -> Value | None:
        """The latest earlier assignment of a name that says more than a literal does."""
        for expr in binding.earlier:
            value = self.value_of(scope, expr)
            if value.kind != "unknown" and not is_literal(value):
                return value
        return None

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
        return self.callers.argument_value(owner, name)

    def use_fixtures(self, fixtures: dict[str, str]) -> None:
        """The workspace's pytest fixtures (name -> function), known before anything is resolved:
        a test's ``runner`` parameter is then what the ``runner`` fixture returns or yields."""
        self._fixtures = fixtures
        self._fixture_functions = set(fixtures.values())

    def fixture_value(self, qualname: str) -> Value:
        """What a pytest fixture gives the tests that request it: its return or yield value."""
        return self._first_known(self._fixture_values, qualname, lambda scope: [*scope.returns, *scope.yields])

    # ---------------------------------------------------------------- callers
    def callers_of(self, function: Scope) -> list[Scope]:
        """The workspace scopes that call ``function`` directly (by resolved name)."""
        return self.callers.callers_of(function)

    def call_groups(self) -> dict[str, dict[str, list[tuple[Scope, ast.Call]]]]:
        """The calls resolved so far, by the name they spell and then by target (for a focused run)."""
        return self.callers.call_groups()

    def calls_by_name(self) -> CallsByName:
        """Every call of the workspace by the name it spells (built once, reusable by a focused run)."""
        return self.callers.calls_by_name()

    # ------------------------------------------------------------ expressions
    def value_of(self, scope: Scope, expr: ast.expr) -> Value:
        """Memoised per (scope, expression): the workspace does not change during a run."""
        key = (scope.qualname, id(expr))
        cached = self._values.get(key)
        if cached is not None:
            return cached
        if key in self._active or len(self._active) > MAX_DEPTH:
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
            functions = self._functions_of(scope, expr.elts)
            return functions if functions.kind != "unknown" else literal_value(expr)
        return literal_value(expr)

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
            value = self.return_value(func.name)
            return value if value.kind != "unknown" else self._returned_argument(func.name, scope, call)
        if func.kind != "external":
            return UNKNOWN
        name = func.name
        if name == "builtins.super":
            return self._super_of(scope, call)
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

    def _super_of(self, scope: Scope, call: ast.Call) -> Value:
        """``super()`` in a method of C, or ``super(C, self)``: C's bases, looked up after C."""
        if call.args:
            named = self.value_of(scope, call.args[0])
            owner = named.name if named.kind == "class" else None
        else:
            owner = scope.class_qualname
        return Value("super", owner) if owner in self.ws.classes else UNKNOWN

    def _returned_argument(self, qualname: str, caller: Scope, call: ast.Call) -> Value:
        """``register(Mailer())`` where ``register`` ends ``return service``: a function that hands
        back one of its parameters gives each call what that call passed."""
        function = self.ws.scopes.get(qualname)
        if function is None or not function.returns or "staticmethod" in {dotted_text(d) for d in function.decorators}:
            return UNKNOWN
        names = {node.id if isinstance(node, ast.Name) else None for node in function.returns}
        param = names.pop() if len(names) == 1 else None
        binding = function.locals.get(param) if param else None
        if param is None or binding is None or binding.kind != "param":
            return UNKNOWN
        return self.callers.passed_at(function, param, caller, call)

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
                if value.kind != "unknown" and not is_literal(value):
                    result = value
                    break
                if result.kind == "unknown":
                    result = value  # ``return {}`` early, ``return report`` later: the object says more
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
        if value.kind == "super":
            return self._member_after(value.name, attr)
        return UNKNOWN

    def _member_after(self, class_qualname: str, attr: str) -> Value:
        """What ``super().attr`` finds: the first class after ``class_qualname`` in its chain that
        defines it (a method is bound to the same object), else a library base's member."""
        for info in self.class_chain(class_qualname)[1:]:
            if attr in info.methods:
                return Value("scope", info.methods[attr], bound=True)
            if attr in info.attributes:
                return UNKNOWN  # a class attribute: its value is not the point of a ``super()`` call
        bases = self.external_bases(class_qualname) or ["builtins.object"]
        return Value("external", canonical(f"{bases[0]}.{attr}"))

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
        for name in self.hierarchy.subclasses(class_qualname):
            info = self.ws.classes[name]
            if attr in info.methods or attr in info.attributes:
                values.add(self.class_member(name, attr, True))
        return values.pop() if len(values) == 1 else UNKNOWN

    # ---------------------------------------------------------------- classes
    def class_chain(self, class_qualname: str) -> list[ClassInfo]:
        """The class and its workspace bases, in a simple depth-first MRO."""
        return self.hierarchy.chain(class_qualname)

    def external_bases(self, class_qualname: str) -> list[str]:
        """The bases from outside the workspace of a class and of its workspace bases."""
        return self.hierarchy.external_bases(class_qualname)

    def unresolved_bases(self, class_qualname: str) -> list[str]:
        """The bases of a class (and of its workspace bases) that resolve to nothing, as written."""
        return self.hierarchy.unresolved_bases(class_qualname)

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
