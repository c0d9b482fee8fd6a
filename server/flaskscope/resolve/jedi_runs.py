"""One jedi kept across an analyzer's runs, and the time budget each run gives it.

jedi costs most before its first answer (its project, its stubs, every parsed script), so a
long-lived analyzer (the language server) keeps one ``JediFallback`` and tells it what each run
changed instead of building a new one. A run's budget is the configured one or, by default, as
long as indexing the workspace took (at least ``MIN_JEDI_BUDGET``): beyond its first question
(which alone took 0.3-6 s on real projects, jedi loading what the code imports, and cannot be
interrupted), jedi then costs about what indexing did, however many questions the project raises.
The longest indexing seen is the measure,
because later runs hit the index cache and would otherwise leave jedi almost no time.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from flaskscope.index.model import ModuleIndex
from flaskscope.resolve.jedi_fallback import MIN_JEDI_BUDGET, JediBudget, JediFallback


class JediRuns:
    """The jedi of every run of one analyzer (created by the first whole run that uses it)."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._jedi: JediFallback | None = None
        self._indexing_seconds = 0.0

    def indexed(self, seconds: float) -> None:
        """A run indexed its files in ``seconds`` (only the longest seen sets the default budget)."""
        self._indexing_seconds = max(self._indexing_seconds, seconds)

    def for_whole_run(self, modules: list[ModuleIndex], configured_budget: float | None) -> JediFallback:
        """jedi over ``modules``, every earlier answer dropped."""
        if self._jedi is None:
            self._jedi = JediFallback(self._root, modules)
        self._jedi.reset(modules, self._budget(configured_budget))
        return self._jedi

    def for_focused_run(self, edited: Iterable[ModuleIndex], configured_budget: float | None) -> JediFallback | None:
        """The whole run's jedi, told where the edited modules' functions now are; None when no
        whole run used jedi."""
        if self._jedi is None:
            return None
        self._jedi.update(edited)
        self._jedi.start_run(self._budget(configured_budget))
        return self._jedi

    def _budget(self, configured_budget: float | None) -> JediBudget:
        if configured_budget is not None:
            return JediBudget(configured_budget)
        return JediBudget(max(MIN_JEDI_BUDGET, self._indexing_seconds))
