"""Ask jedi what a call targets when the indexes cannot tell.

jedi settles what the import/assignment tables cannot: the result of a factory function
(``get_reporter().send()``), an object built in another module and passed around, an
attribute set far from its use. It is slow on cold caches and not thread-safe, so:

- jedi runs in a child process (``jedi_process``), started before the run indexes so that its
  warm-up runs on the other core; one ``JediFallback`` owns it and refuses to be used from
  another thread than the one that created it;
- it is asked only about call sites whose attribute name belongs to a workspace function that
  can reach a sink needing more context than the call has (the caller checks ``worth_asking``),
  and each answer is remembered;
- a run gives it a time budget (``JediBudget``): on real projects most questions are about
  ``dict.get``-like calls whose answer is "nothing in the workspace", and an unbounded jedi made a
  check 20-100x slower than reading the files. A question is waited for only as long as the
  budget has left (the child is stopped when it runs out); a question left when the budget is
  spent is not asked: its call stays unresolved (counted by ``reach.resolution``), never a stall;
- it never imports workspace code (``auto_import_modules`` is emptied) and any failure inside
  jedi is an unresolved call, never a crash.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flaskscope.index.model import ModuleIndex
from flaskscope.resolve.jedi_process import JediProcess

log = logging.getLogger(__name__)


FunctionLines = dict[Path, dict[int, str]]  # resolved path -> def line -> scope qualname


@dataclass(frozen=True)
class JediBudget:
    """How much jedi one run may cost.

    The first ``free_questions`` are always asked, whatever they cost: a small project (no corpus
    case asks more than one) then gets the same answers on a slow machine as on a fast one. After
    them, jedi gets ``seconds`` of wall time in all (None: no limit). On 22 real projects the first
    question alone took 0.3-4 s (jedi loading what the code imports) and jedi's answers added no
    finding, so the allowance is kept small.
    """

    seconds: float | None
    free_questions: int = 1

    def allows(self, asked: int, spent: float) -> bool:
        return asked < self.free_questions or self.seconds is None or spent < self.seconds

    def wait(self, asked: int, spent: float) -> float | None:
        """How long the next question may take (None: as long as it takes)."""
        if asked < self.free_questions or self.seconds is None:
            return None
        return max(0.0, self.seconds - spent)


UNLIMITED = JediBudget(None)
MIN_JEDI_BUDGET = 1.0  # seconds: the least an automatic budget gives (jedi's first question loads its stubs)


class JediFallback:
    def __init__(self, root: Path, modules: Iterable[ModuleIndex]) -> None:
        self._root = root
        self._owner = threading.get_ident()
        self._modules: dict[Path, ModuleIndex] = {}
        self._function_lines: FunctionLines | None = None
        self._process: JediProcess | None = None
        # jedi was stopped for running out of time since the last whole run: focused runs (one per
        # edit) do not start it again, or every keystroke would wait for its warm-up to be cut short.
        self._stopped_for_time = False
        self._answers: dict[tuple[Path, int, int], tuple[str, ...]] = {}
        self.queries = 0  # questions asked in this run
        self.answered = 0  # of them, those jedi answered with a workspace function
        self.unasked: set[tuple[Path, int, int]] = set()  # questions not asked: the budget was spent
        self.seconds = 0.0  # jedi's wall time in this run
        self.budget = UNLIMITED
        self.reset(modules)

    def reset(self, modules: Iterable[ModuleIndex], budget: JediBudget = UNLIMITED) -> None:
        """A new analysis run over ``modules`` with ``budget``: every answer is dropped."""
        self._modules = {m.path: m for m in modules}
        self._function_lines = None
        self._stopped_for_time = False
        self._answers.clear()
        self.start_run(budget)

    def start_run(self, budget: JediBudget) -> None:
        """Count this run's questions and time from zero (the answers are kept)."""
        self.budget = budget
        self.queries = self.answered = 0
        self.unasked = set()
        self.seconds = 0.0

    def update(self, edited: Iterable[ModuleIndex]) -> None:
        """A focused run: the edited modules replace their old versions; only answers about them are dropped."""
        edited = list(edited)
        for module in edited:
            self._modules[module.path] = module
        if self._function_lines is not None:
            self._function_lines.update(_function_lines(edited))
        paths = {m.path.resolve() for m in edited}
        self._answers = {key: found for key, found in self._answers.items() if key[0] not in paths}

    def _lines(self) -> FunctionLines:
        """Where the workspace functions are defined, to map jedi's answers onto them.

        Computed on the first question, not per run: most runs never ask jedi anything, and
        resolving every module's path costs 0.14 s on 200k lines.
        """
        if self._function_lines is None:
            self._function_lines = _function_lines(self._modules.values())
        return self._function_lines

    def warm_up(self) -> None:
        """Start jedi's process (it loads jedi and Flask while the caller goes on); a stopped one is
        started again (a whole run's ``reset`` allows that again after jedi ran out of time)."""
        if self._process is None or not self._process.alive:
            self._process = JediProcess(self._root)

    def targets(self, path: Path, source: str, line: int, column: int) -> tuple[str, ...]:
        """Workspace scopes the name at (line, 0-based code-point column) may call."""
        if threading.get_ident() != self._owner:
            raise RuntimeError("jedi objects must stay on the thread that created them")
        key = (path, line, column)
        if key in self._answers:
            return self._answers[key]
        found: tuple[str, ...] = ()
        if not self.budget.allows(self.queries, self.seconds) or self._stopped_for_time and (
                self._process is None or not self._process.alive):
            self.unasked.add(key)  # not remembered: a later run with time left asks it
            return found
        self.queries += 1
        started = time.perf_counter()
        self.warm_up()
        assert self._process is not None
        names = self._process.ask(path, source, line, column, self.budget.wait(self.queries - 1, self.seconds))
        self.seconds += time.perf_counter() - started
        if names is None:  # out of time: the process was stopped, and the budget is spent
            log.debug("jedi did not answer %s:%s:%s within the budget", path, line, column)
            self.unasked.add(key)
            self.seconds = max(self.seconds, self.budget.seconds or 0.0)
            self._stopped_for_time = True
            return found
        found = tuple(qualname for module_path, def_line in names
                      for qualname in [self._lines().get(Path(module_path).resolve(), {}).get(def_line)]
                      if qualname is not None)
        self.answered += bool(found)
        self._answers[key] = found
        return found


def _function_lines(modules: Iterable[ModuleIndex]) -> FunctionLines:
    """Def line -> function qualname, by resolved path (the spelling of jedi's answers)."""
    return {module.path.resolve(): {scope.span.line: qualname for qualname, scope in module.scopes.items()
                                    if scope.kind == "function"}
            for module in modules}
