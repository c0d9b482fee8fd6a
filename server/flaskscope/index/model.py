"""The per-module index: what a module defines, imports, references and calls.

It is a pure function of (module name, source): no other module and no resolution is needed to
build it, which is what makes it cacheable by content hash and cheap to rebuild on an edit.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from flaskscope.levels import Level

# Span, Ref and CallSite are NamedTuples rather than frozen dataclasses: an index holds about three
# of them per line of code, and creating a frozen dataclass costs three times as much (each field is
# set through ``object.__setattr__``): 0.3 s of a cold check of 200k lines.


class Span(NamedTuple):
    """1-based lines, 0-based code-point columns (what editors and jedi both count)."""

    line: int
    col: int
    end_line: int
    end_col: int


@dataclass(frozen=True)
class Binding:
    """What a name is bound to in a scope.

    kind: ``def`` / ``class`` (target = qualname), ``import`` (target = dotted name),
    ``assign`` (expr evaluated in ``scope``), ``element`` (a loop variable: one element of
    expr), ``param`` (expr = annotation or None).
    """

    kind: str
    target: str = ""
    expr: ast.expr | None = None
    scope: str = ""
    # An ``assign``'s earlier assignments in the same body, latest first (``app = create_app()``
    # before ``app = configure(app)``): what the name was before, and what the right side reads.
    earlier: tuple[ast.expr, ...] = ()


class Ref(NamedTuple):
    """A dotted name read in a scope: ``current_app``, ``db.session.add``, ``self.ctx``.

    ``use`` says what happens to the full chain: ``call``, ``truth`` (only its truth is
    tested: ``if request:``), ``bare`` (passed or stored without being looked through) or
    ``deref`` (attribute, subscript, operator...). Every shorter prefix is dereferenced.
    """

    names: tuple[str, ...]
    spans: tuple[Span, ...]
    level: Level
    use: str
    keywords: frozenset[str] = frozenset()
    has_star_kwargs: bool = False
    straight: bool = False  # runs whenever the scope runs and reaches it (see ``CallSite``)
    region: tuple[int, ...] = ()  # the branches around it (see ``CallSite``)


class CallSite(NamedTuple):
    """A call (or a decorator application) in a scope.

    ``wrappers`` are the calls this one is an argument of, innermost first — how
    ``stream_with_context(generate())`` or ``Thread(target=copy_current_request_context(f))``
    are recognised.
    """

    node: ast.Call
    func: ast.expr
    span: Span
    level: Level
    in_return: bool
    wrappers: tuple[ast.expr, ...] = ()
    is_decorator: bool = False
    # At the top level of the scope's body (``with`` blocks count as top level): it runs
    # before everything after it, so if it always raises, nothing after it can run.
    straight: bool = False
    # The blocks that may not run around it, outermost first (one id each: an ``if`` body, its
    # ``else``, a handler, a loop body, an operand of ``or``): if it always raises, nothing after it
    # in the same block, or in blocks inside that one, can run either (the next line of a loop body).
    region: tuple[int, ...] = ()


@dataclass
class Scope:
    """A body of code that runs as a unit: a function, a lambda, a module body, a script block."""

    qualname: str
    module: str
    name: str
    kind: str  # "module" | "script" | "function" | "lambda"
    span: Span
    parent: str | None
    class_qualname: str | None = None
    params: tuple[str, ...] = ()
    decorators: tuple[ast.expr, ...] = ()
    is_generator: bool = False
    is_async: bool = False
    is_property: bool = False  # ``@property``/``@cached_property``: reading the attribute calls it
    locals: dict[str, Binding] = field(default_factory=dict)
    refs: list[Ref] = field(default_factory=list)
    calls: list[CallSite] = field(default_factory=list)
    yield_levels: list[Level] = field(default_factory=list)
    returns: list[ast.expr] = field(default_factory=list)  # the values of its own ``return`` statements
    yields: list[ast.expr] = field(default_factory=list)  # the values of its own ``yield`` expressions
    exit_level: Level = Level.NONE
    node: ast.AST | None = None
    # ``with <expr>:`` items the index cannot read a context from by name (a helper, a stored object):
    # (expr, first line, last line of the block), for the search to resolve.
    dynamic_withs: list[tuple[ast.expr, int, int]] = field(default_factory=list)
    # Modules its import statements import, each with the context level at the statement and its
    # line (``from pkg import name`` gives ``pkg`` and ``pkg.name``: the index cannot tell a module).
    imports: list[tuple[str, Level, int]] = field(default_factory=list)


@dataclass
class ClassInfo:
    qualname: str
    module: str
    name: str
    span: Span
    scope: str  # the scope the class statement runs in (for resolving its bases)
    bases: tuple[ast.expr, ...]
    methods: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, Binding] = field(default_factory=dict)
    decorators: tuple[ast.expr, ...] = ()


@dataclass
class ModuleIndex:
    name: str
    path: Path
    is_package: bool
    source: str
    scopes: dict[str, Scope] = field(default_factory=dict)
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    star_imports: list[str] = field(default_factory=list)
    lambdas: dict[int, str] = field(default_factory=dict)  # id(ast.Lambda) -> scope qualname
    # ``<target>.<attr> = <value>`` statements, e.g. ``celery.Task = FlaskTask``:
    # (scope, target object expression, attr, value).
    attribute_assignments: list[tuple[str, ast.expr, str, ast.expr]] = field(default_factory=list)

    @property
    def body_scope(self) -> Scope:
        return self.scopes[f"{self.name}.<module>"]

    @property
    def globals(self) -> dict[str, Binding]:
        return self.body_scope.locals
