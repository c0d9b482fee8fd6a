"""The symbolic values the resolver gives an expression, and how to read them.

Resolution answers *what* an expression is (a workspace function, an instance of
``flask_sqlalchemy.SQLAlchemy``, ``flask.current_app``...) as a small frozen ``Value``; the
engine, the fixes and the tests compare and store these, so they live apart from the
``Resolver`` that computes them.
"""

from __future__ import annotations

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
