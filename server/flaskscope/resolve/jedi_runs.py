"""One jedi kept across an analyzer's runs, and the time budget each run gives it.

jedi costs most before its first answer (its process, its project, the libraries it parses), so a
long-lived analyzer (the language server) keeps one ``JediFallback`` and tells it what each run
changed instead of building a new one; on a large workspace its process starts before indexing,
so that warm-up overlaps the run. A run's budget is the configured one or, by default, half as long
as indexing the workspace took: what the user waits for jedi, however many questions the project
raises (a question still unanswered then stops jedi; its process is started again for the next
run). A small workspace's first question is answered whatever it costs (at least
``MIN_JEDI_BUDGET``). The longest indexing seen is the measure, because later runs hit the index
cache and would otherwise leave jedi almost no time.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from flaskscope.index.model import ModuleIndex
from flaskscope.resolve.jedi_fallback import MIN_JEDI_BUDGET, JediBudget, JediFallback

# A workspace smaller than this gets its first jedi question answered whatever it costs, so that
# small projects (and the corpus) get the same answers on a slow machine as on a fast one; a larger
# one waits for jedi only within its budget.
SMALL_WORKSPACE_LINES = 20_000
# A workspace of at least this many files starts jedi's process before it is indexed.
WARM_UP_FILES = 100
# The automatic budget, as a share of the time indexing took: what jedi may add to a run where the
# user waits (its warm-up, in its own process, overlaps indexing and is not counted).
JEDI_SHARE = 0.5


class JediRuns:
    """The jedi of every run of one analyzer (created by the first whole run that uses it)."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._jedi: JediFallback | None = None
        self._indexing_seconds = 0.0
        self._small = True

    def warm_up(self, files: int) -> None:
        """Start jedi's process before a run of a workspace of ``files`` indexes: it loads jedi and
        Flask on the other core. A small workspace rarely asks jedi anything (no corpus case asks
        more than once), so its process starts with its first question instead."""
        if files < WARM_UP_FILES:
            return
        if self._jedi is None:
            self._jedi = JediFallback(self._root, [])
        self._jedi.warm_up()

    def indexed(self, seconds: float) -> None:
        """A run indexed its files in ``seconds`` (only the longest seen sets the default budget)."""
        self._indexing_seconds = max(self._indexing_seconds, seconds)

    def for_whole_run(self, modules: list[ModuleIndex], configured_budget: float | None) -> JediFallback:
        """jedi over ``modules``, every earlier answer dropped."""
        if self._jedi is None:
            self._jedi = JediFallback(self._root, modules)
        self._small = sum(m.source.count("\n") for m in modules) < SMALL_WORKSPACE_LINES
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
        free = 1 if self._small else 0
        return JediBudget(max(MIN_JEDI_BUDGET if self._small else 0.0, self._indexing_seconds * JEDI_SHARE), free)
