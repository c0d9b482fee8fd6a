"""The libraries the tables describe, by top-level package name.

A workspace package with one of these names (a ``flask/`` directory in the project, a vendored
copy, a stub left over from an experiment) is not project code to analyse: ``from flask import
current_app`` must keep meaning Flask's ``current_app``, or every finding about it disappears
without a word. The names come from the tables themselves, so a library gained there is covered
here too. The standard library is left out: a project module named ``signal.py`` is the
project's own code, and the tables only use stdlib names as spawners.
"""

from __future__ import annotations

import sys

from flaskscope.knowledge import names, providers, roots, sinks


def _top_levels(qualified: list[str]) -> frozenset[str]:
    tops = {name.split(".", 1)[0] for name in qualified if name}
    return frozenset(top for top in tops if top not in sys.stdlib_module_names and top != "builtins")


LIBRARY_PACKAGES: frozenset[str] = _top_levels([
    *sinks.SINKS_BY_NAME,
    *(root.callee for root in roots.CALL_ROOTS),
    *(root.decorator for root in roots.DECORATOR_ROOTS),
    *(root.base for root in roots.CLASS_ROOTS),
    *roots.VIEW_DECORATORS, *roots.VIEW_BASES, *roots.VIEW_REGISTRARS, *roots.APP_CLI_REGISTRARS,
    *providers.WRAPPING_PROVIDERS, *providers.GUARD_CALLS,
    *names.MODULE_ALIASES, *names.MODULE_ALIASES.values(), *names.FACTORY_RESULTS,
])
