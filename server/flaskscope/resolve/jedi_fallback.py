"""Ask jedi what a call targets when the indexes cannot tell.

jedi settles what the import/assignment tables cannot: the result of a factory function
(``get_reporter().send()``), an object built in another module and passed around, an
attribute set far from its use. It is slow on cold caches and not thread-safe, so:

- one ``JediFallback`` owns the ``jedi.Project`` and every ``Script``; it refuses to be used
  from another thread than the one that created it;
- it is asked only about call sites whose attribute name belongs to a workspace function that
  can reach a sink needing more context than the call has (the caller checks ``worth_asking``),
  and each answer is remembered;
- a run gives it a time budget (``JediBudget``): on real projects most questions are about
  ``dict.get``-like calls whose answer is "nothing in the workspace", and an unbounded jedi made a
  check 20-100x slower than reading the files. A question left when the budget is spent is not
  asked: its call stays unresolved (counted by ``reach.resolution``), never a stall;
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
from typing import Any

from flaskscope.index.model import ModuleIndex

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


UNLIMITED = JediBudget(None)
MIN_JEDI_BUDGET = 1.0  # seconds: the least an automatic budget gives (jedi's first question loads its stubs)


class JediFallback:
    def __init__(self, root: Path, modules: Iterable[ModuleIndex]) -> None:
        self._root = root
        self._owner = threading.get_ident()
        self._modules: dict[Path, ModuleIndex] = {}
        self._function_lines: FunctionLines | None = None
        self._project: Any = None
        self._scripts: dict[Path, tuple[str, Any]] = {}
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

    def _script(self, path: Path, source: str) -> Any:
        import jedi

        if self._project is None:
            jedi.settings.auto_import_modules = []
            _keep_parses_in_memory()
            self._project = jedi.Project(self._root, smart_sys_path=True, load_unsafe_extensions=False)
        cached = self._scripts.get(path)
        if cached is None or cached[0] != source:
            cached = (source, jedi.Script(code=source, path=path, project=self._project))
            self._scripts[path] = cached
        return cached[1]

    def targets(self, path: Path, source: str, line: int, column: int) -> tuple[str, ...]:
        """Workspace scopes the name at (line, 0-based code-point column) may call."""
        if threading.get_ident() != self._owner:
            raise RuntimeError("jedi objects must stay on the thread that created them")
        key = (path, line, column)
        if key in self._answers:
            return self._answers[key]
        found: tuple[str, ...] = ()
        if not self.budget.allows(self.queries, self.seconds):
            self.unasked.add(key)  # not remembered: a later run with time left asks it
            return found
        self.queries += 1
        started = time.perf_counter()
        try:
            names = self._script(path, source).goto(line, column, follow_imports=True)
            found = tuple(
                qualname
                for name in names
                if name.module_path is not None and name.line is not None
                for qualname in [self._lines().get(Path(name.module_path).resolve(), {}).get(name.line)]
                if qualname is not None
            )
        except Exception as exc:  # noqa: BLE001 - jedi's failures must not stop the analysis
            log.debug("jedi could not resolve %s:%s:%s: %s", path, line, column, exc)
        self.seconds += time.perf_counter() - started
        self.answered += bool(found)
        self._answers[key] = found
        return found


def _function_lines(modules: Iterable[ModuleIndex]) -> FunctionLines:
    """Def line -> function qualname, by resolved path (the spelling of jedi's answers)."""
    return {module.path.resolve(): {scope.span.line: qualname for qualname, scope in module.scopes.items()
                                    if scope.kind == "function"}
            for module in modules}


def _keep_parses_in_memory() -> None:
    """jedi's parser (parso) pickles every library module it parses under the user's cache
    directory; flaskscope writes nothing outside the workspace, so its parses stay in memory.

    parso has no setting for it: its grammar module's ``try_to_save_module`` is wrapped to always
    pass ``pickling=False`` (the in-memory cache, which jedi needs, is kept), and its loader never
    looks on disk (looking creates the cache directory; and a pickle found there is never one to
    trust blindly).
    """
    import parso.cache
    import parso.grammar

    parso.cache._load_from_file_system = lambda *args, **kwargs: None

    save = parso.grammar.try_to_save_module
    if getattr(save, "flaskscope_in_memory", False):
        return

    def in_memory(hashed_grammar: Any, file_io: Any, module: Any, lines: Any, pickling: bool = True,
                  cache_path: Any = None) -> None:
        save(hashed_grammar, file_io, module, lines, pickling=False, cache_path=cache_path)

    in_memory.flaskscope_in_memory = True  # type: ignore[attr-defined]
    parso.grammar.try_to_save_module = in_memory
