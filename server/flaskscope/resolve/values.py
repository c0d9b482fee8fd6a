"""The symbolic values the resolver gives an expression, and how to read them.

Resolution answers *what* an expression is (a workspace function, an instance of
``flask_sqlalchemy.SQLAlchemy``, ``flask.current_app``...) as a small frozen ``Value``; the
engine, the fixes and the tests compare and store these, so they live apart from the
``Resolver`` that computes them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class Value:
    """A symbolic value.

    kind: ``scope`` (a workspace function or lambda; ``bound`` when reached through an
    instance), ``class`` / ``instance`` (``name`` is a workspace class qualname or an external
    dotted name), ``module`` (workspace module), ``external`` (any other dotted name),
    ``proxy`` (a project-defined ``LocalProxy``; ``name`` is its factory's scope), ``scopes``
    (one of several workspace functions, ``|``-separated), ``super`` (what ``super()`` returns in
    a method of the workspace class ``name``: its attributes are looked up after that class),
    ``unknown``.
    """

    kind: str
    name: str = ""
    bound: bool = False


UNKNOWN = Value("unknown")


def scope_names(value: Value) -> tuple[str, ...]:
    """The workspace functions a value may be (none, one, or each of a literal sequence)."""
    if value.kind == "scope":
        return (value.name,)
    if value.kind == "scopes":
        return tuple(value.name.split("|"))
    return ()


# A literal's type, by the node that spells it: its methods (``", ".join``, ``"{}".format``,
# ``rows.append``) are the builtin type's, never a workspace function.
_LITERAL_TYPES: dict[type, str] = {
    ast.JoinedStr: "builtins.str", ast.List: "builtins.list", ast.ListComp: "builtins.list",
    ast.Dict: "builtins.dict", ast.DictComp: "builtins.dict", ast.Set: "builtins.set",
    ast.SetComp: "builtins.set", ast.Tuple: "builtins.tuple",
}
_LITERAL_NAMES = frozenset({*_LITERAL_TYPES.values(), "builtins.str", "builtins.bytes", "builtins.int",
                            "builtins.float", "builtins.complex"})


def literal_value(expr: ast.expr) -> Value:
    """An instance of the builtin type a literal spells, or unknown. ``None``, ``True`` and
    ``False`` stay unknown: code that starts with ``x = None`` means to put something else there."""
    if isinstance(expr, ast.Constant):
        if expr.value is None or isinstance(expr.value, bool) or expr.value is Ellipsis:
            return UNKNOWN
        return Value("instance", f"builtins.{type(expr.value).__name__}")
    name = _LITERAL_TYPES.get(type(expr))
    return Value("instance", name) if name else UNKNOWN


def is_literal(value: Value) -> bool:
    """Whether a value is only a literal's type (known, but says nothing about workspace code)."""
    return value.kind == "instance" and value.name in _LITERAL_NAMES
