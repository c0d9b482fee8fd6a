"""Where certainty ends: the kinds of *analysis gap* a path or a root can have.

A finding is published only when it is certain (its root's entry level is known, every hop of its
chain is resolved, and nothing on the way could push a context the engine cannot see). A path that
fails one of those tests is kept as a gap of one of these kinds: counted by ``check --statistics``,
listed by ``check --show-gaps``, never a diagnostic. Real-code triage decided which unknowns matter
(research/real-code.md): in tests, the fixture closure and mocks; in application code, what a
constant argument rules out, and what runs only under a command the engine cannot see.
"""

from __future__ import annotations

import enum


class GapKind(str, enum.Enum):
    UNKNOWN_FIXTURE = "unknown-fixture"
    DYNAMIC_FIXTURE = "dynamic-fixture"
    UNRESOLVED_BASE = "unresolved-base"
    UNRESOLVED_DECORATOR = "unresolved-decorator"
    MOCKED = "mocked"
    CONSTANT_ARGUMENT = "constant-argument"
    FLASK_VERSION = "flask-version"

    @property
    def meaning(self) -> str:
        return GAP_MEANINGS[self]


GAP_MEANINGS: dict[GapKind, str] = {
    GapKind.UNKNOWN_FIXTURE: "the test requests a fixture the workspace does not define (a plugin's): "
                             "it may push a context",
    GapKind.DYNAMIC_FIXTURE: "the test pulls fixtures at run time (request.getfixturevalue with a computed name)",
    GapKind.UNRESOLVED_BASE: "the test class has a base class the analysis cannot read: its setUp may push a context",
    GapKind.UNRESOLVED_DECORATOR: "a decorator on the way cannot be resolved: it may run the function in a context",
    GapKind.MOCKED: "the test patches the sink or a function on the chain: the real one may never run",
    GapKind.CONSTANT_ARGUMENT: "a constant argument on the chain decides a branch the analysis does not evaluate, "
                               "or rules it out",
    GapKind.FLASK_VERSION: "what happens depends on the Flask version, and the project does not pin one",
}
