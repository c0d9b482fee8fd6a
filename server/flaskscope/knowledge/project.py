"""The tables as one project sees them: the built-in rows plus what its configuration declares
(``extra-sinks``, ``extra-roots``, ``extra-providers``). Built once per run; nothing global changes."""

from __future__ import annotations

from dataclasses import dataclass, field

from flaskscope.knowledge import roots as root_table
from flaskscope.knowledge.names import canonical
from flaskscope.knowledge.providers import WRAPPING_PROVIDERS
from flaskscope.knowledge.sinks import SINK_TAILS, SINKS_BY_NAME, Sink
from flaskscope.levels import Level

_LEVELS = {"app": Level.APP, "request": Level.REQUEST}


@dataclass(frozen=True)
class Knowledge:
    sinks: dict[str, Sink] = field(default_factory=lambda: dict(SINKS_BY_NAME))
    sink_tails: frozenset[str] = SINK_TAILS
    call_roots: dict[str, root_table.CallRoot] = field(
        default_factory=lambda: {r.callee: r for r in root_table.CALL_ROOTS})
    decorator_roots: dict[str, root_table.DecoratorRoot] = field(
        default_factory=lambda: {r.decorator: r for r in root_table.DECORATOR_ROOTS})
    wrapping_providers: dict[str, Level] = field(default_factory=lambda: dict(WRAPPING_PROVIDERS))


def project_knowledge(extra_sinks: dict[str, str], extra_roots: tuple[str, ...],
                      extra_providers: dict[str, str]) -> Knowledge:
    """Built-in tables plus a project's declarations (qualified names, matched after resolution).

    A project proxy is a sink raised by any use but a bare one; a declared root may be a decorator
    or a function that runs its first argument later without a context; a provider is a decorator
    that runs the function inside the declared context.
    """
    knowledge = Knowledge()
    for name, context in extra_sinks.items():
        key = canonical(name)
        knowledge.sinks[key] = Sink(key, _LEVELS[context], "deref", is_proxy=True)
    tails = {canonical(name).rsplit(".", 1)[-1] for name in extra_sinks}
    for name in extra_roots:
        key = canonical(name)
        knowledge.decorator_roots[key] = root_table.DecoratorRoot(key, "custom", "a declared entry point")
        knowledge.call_roots[key] = root_table.CallRoot(key, "custom", 0, None, "a declared entry point")
    for name, context in extra_providers.items():
        knowledge.wrapping_providers[canonical(name)] = _LEVELS[context]
    return Knowledge(knowledge.sinks, SINK_TAILS | tails, knowledge.call_roots, knowledge.decorator_roots,
                     knowledge.wrapping_providers)


def unmatched_declarations(declared: dict[str, tuple[str, ...]], module_names: set[str],
                           defined: set[str]) -> list[str]:
    """Warnings for configured names that point into the workspace yet name nothing defined there.

    ``declared``: configuration key -> names; ``module_names``: the workspace's modules; ``defined``:
    the qualified names of its functions, classes and module-level globals. A name whose package is
    not the project's is a library's: nothing here can check it, so it is left alone.
    """
    packages = {name.split(".", 1)[0] for name in module_names}
    warnings = []
    for key, names in declared.items():
        for name in names:
            key_name = canonical(name)
            if key_name.split(".", 1)[0] in packages and key_name not in defined and key_name not in module_names:
                warnings.append(f"`{key}` names `{name}`, which is not defined in the project: it has no effect")
    return warnings
