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
    WORKER_CONTEXT = "worker-context"
    CACHED_VALUE = "cached-value"
    LEAKED_CONTEXT = "leaked-context"
    FORKED_CONTEXT = "forked-context"
    DYNAMIC_REGISTRATION = "dynamic-registration"
    STREAM_HELPER = "stream-helper"
    UNREQUESTED_FIXTURE = "unrequested-fixture"
    FIRST_IMPORT = "first-import"
    TEST_BRANCH = "test-branch"
    PASSED_ARGUMENT = "passed-argument"
    STORED_STATE = "stored-state"

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
    GapKind.WORKER_CONTEXT: "the project runs its own job worker inside an app context: jobs it runs have one, "
                            "those run by another worker do not",
    GapKind.CACHED_VALUE: "a cached property of an object handed to another thread: it may have been computed "
                          "before, where there was a context, and not run again",
    GapKind.LEAKED_CONTEXT: "a fixture an earlier test uses pushes a context that outlives that test (session scope, "
                            "or never popped): this test runs inside it when the tests run in their usual order",
    GapKind.FORKED_CONTEXT: "a process started inside a function: forked (the default start method on Linux before "
                            "Python 3.14), the child keeps whatever context its caller had",
    GapKind.DYNAMIC_REGISTRATION: "the project adds commands to `app.cli` that the analysis cannot name "
                                  "(`app.cli.add_command(getattr(...))`): this command may be one, run in a context",
    GapKind.STREAM_HELPER: "a view hands a generator to a function of the project (or one the analysis cannot "
                           "resolve) that makes the response: it may wrap it in `stream_with_context`",
    GapKind.UNREQUESTED_FIXTURE: "no test in the workspace requests this fixture, so it never runs there (a test "
                                 "elsewhere, or a name computed at run time, may request it)",
    GapKind.FIRST_IMPORT: "the module's least context comes from an import inside a function (which runs in its "
                          "caller's context) or from a module nothing imports that is not an entry point (dead "
                          "code, or a plugin loaded by name): which import runs it first, and with what context, is "
                          "not known",
    GapKind.TEST_BRANCH: "a test runs one path with fixed inputs, and this one is reached only in an `except` block "
                         "or on a branch the analysis cannot show the test takes",
    GapKind.PASSED_ARGUMENT: "the sink only computes a parameter's default (`path or current_app...`, `if app is None: "
                             "app = current_app`), and the call on the chain passes that parameter",
    GapKind.STORED_STATE: "the line runs only if earlier code of the same context stored an attribute on `g` "
                          "(`hasattr(g, \"user\")`, `\"user\" in g`, `g.user`), usually a `before_request` hook: "
                          "whether that code runs where this root runs is not followed",
}
