"""What the project says about itself beyond the calls in its code, for root finding and the search.

Its dependency files (pytest-flask's fixtures and Flask-Migrate's migration scripts are roots; the
Flask version pin decides whether a CLI group's ``with_appcontext`` covers its subcommands), a
``SERVER_NAME`` setting anywhere in its sources (``url_for`` outside a request needs it), and the
tables its configuration extends. Read once per whole run; focused runs reuse them (the whole run
that follows an edit reads them again).
"""

from __future__ import annotations

import re
from pathlib import Path

from flaskscope.config import Config
from flaskscope.index.discovery import DEPENDENCY_FILES
from flaskscope.index.model import ModuleIndex
from flaskscope.knowledge.project import project_knowledge, unmatched_declarations
from flaskscope.reach.entry_data import ProjectFacts
from flaskscope.resolve.workspace import Workspace


def project_facts(root: Path, modules: list[ModuleIndex], config: Config | None = None) -> ProjectFacts:
    """The facts of the project at ``root`` whose Python files are ``modules``."""
    uses_pytest_flask = False
    uses_flask_migrate = False
    texts = []
    for name in DEPENDENCY_FILES:
        candidate = root / name
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace") if candidate.is_file() else ""
        except OSError:
            text = ""
        texts.append(text)
        if "pytest-flask" in text or "pytest_flask" in text:
            uses_pytest_flask = True
        if "flask-migrate" in text.lower() or "flask_migrate" in text.lower():
            uses_flask_migrate = True
    if any("pytest_flask" in m.source for m in modules):
        uses_pytest_flask = True
    if any("flask_migrate" in m.source for m in modules):
        uses_flask_migrate = True
    server_name = any("SERVER_NAME" in m.source for m in modules)
    config = config or Config()
    knowledge = project_knowledge(config.extra_sinks, config.extra_roots, config.extra_providers)
    return ProjectFacts(uses_pytest_flask, server_name, knowledge, uses_flask_migrate,
                        pinned_flask_version(texts))


def pinned_flask_version(texts: list[str]) -> tuple[int, int] | None:
    """The lowest Flask version the project's dependency files admit (``flask>=2.2``, ``Flask==3.0.1``,
    ``flask = "^2.3"``), or None when none of them says."""
    lowest: tuple[int, int] | None = None
    for text in texts:
        for match in _FLASK_PIN.finditer(text):
            version = (int(match.group(1)), int(match.group(2)))
            lowest = version if lowest is None else min(lowest, version)
    return lowest


_FLASK_PIN = re.compile(
    r"""(?im)^[\s"']*flask["']?\s*(?:\[[^\]]*\])?\s*(?:>=|==|~=|=\s*["']?[\^~]?|>)\s*(\d+)\.(\d+)""")


def unmatched_config_names(config: Config, ws: Workspace, modules: list[ModuleIndex]) -> list[str]:
    """Warnings for the ``extra-*`` names of ``config`` that point into the workspace yet name nothing
    there: a misspelt name would otherwise change nothing, silently."""
    declared = {"extra-providers": tuple(config.extra_providers), "extra-roots": tuple(config.extra_roots),
                "extra-sinks": tuple(config.extra_sinks)}
    defined = {*ws.scopes, *ws.classes, *(f"{m.name}.{g}" for m in modules for g in m.globals)}
    return unmatched_declarations(declared, set(ws.modules), defined)
