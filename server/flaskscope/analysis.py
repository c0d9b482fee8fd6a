"""Run the whole engine on a set of paths: read, index, resolve, reach, and collect findings.

This is the one entry point adapters call. It never imports or executes the analysed code:
files are read as text and parsed with ``ast``; jedi only reads them too. Each step lives in its
own module (``index.loader``, ``reach.entries``, ``reach.search``, ``reach.collect``); this one
orders them, and keeps what outlives a run (caches, jedi, ``reach.session``) for the next.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from flaskscope.config import Config, config_or_defaults
from flaskscope.edits import Fix
from flaskscope.findings import Finding
from flaskscope.gc_control import collect_garbage, collector_paused
from flaskscope.index.discovery import SourceFile, discover
from flaskscope.index.line_map import LineMap
from flaskscope.index.loader import IndexCache, import_closure, index_files
from flaskscope.index.model import ModuleIndex
from flaskscope.levels import Level
from flaskscope.reach import resolution
from flaskscope.reach.collect import Collected, collect_findings, escape_findings, reported_findings, sink_sites_in
from flaskscope.reach.demand import needs_by_name
from flaskscope.reach.entries import EntryFinder
from flaskscope.reach.entry_data import Entries, ProjectFacts
from flaskscope.reach.project_facts import project_facts, unmatched_config_names
from flaskscope.reach.search import Search
from flaskscope.reach.session import WholeRun
from flaskscope.resolve.jedi_runs import JediRuns
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.workspace import Workspace
from flaskscope.result import AnalysisResult, JediUse, SinkSite
from flaskscope.stale import carry_over_result
from flaskscope.suppressions import SuppressionMap

# What adapters (the CLI, the language server, fixes) import from here.
__all__ = ["AnalysisResult", "Analyzer", "FixPlanner", "Interrupted", "SinkSite", "collect_garbage", "import_closure"]

# What an adapter that offers fixes gives the engine (``fixes.plan.planner``): for one run's resolver,
# views, configured app and whether SERVER_NAME is set, the function that plans a finding's fixes.
FixPlanner = Callable[[Resolver, set[str], "str | None", bool], Callable[[Finding], "tuple[Fix, ...]"]]


class Interrupted(Exception):
    """A run given up because its caller no longer wants its result (newer edits arrived)."""


class Analyzer:
    """The engine with its caches, for repeated runs (the language server keeps one).

    Not thread-safe: jedi objects live inside; one thread owns an Analyzer.
    """

    def __init__(self, root: Path, use_jedi: bool = True, fix_planner: FixPlanner | None = None,
                 config: Config | None = None, progress: Callable[[int, int], None] | None = None,
                 keep_last_good: bool = False, keep_for_focused_runs: bool = True) -> None:
        # What ``run_focused`` reuses from a whole run is kept only for callers that will ask for
        # focused runs (the language server): building it costs 0.1 s on 200k lines.
        self.keep_for_focused_runs = keep_for_focused_runs
        self.measure_resolution = False  # set: whole runs measure the unresolved calls on the roots' paths
        # An editor's file that stops parsing mid-edit is analysed as its last version that parsed
        # (``flaskscope.stale``); a one-shot check reports and skips it instead.
        self.keep_last_good = keep_last_good
        self.progress = progress  # called with (files indexed, files in all) while indexing
        self.root = root
        self.use_jedi = use_jedi
        self.fix_planner = fix_planner  # given by the adapters that offer fixes: the engine plans none itself
        self.config = config  # None: found next to the analysed files on each run
        self.index_cache = IndexCache()
        self._jedi = JediRuns(root)
        self.interrupt: Callable[[], bool] | None = None  # polled during a run: True gives it up
        self._whole: WholeRun | None = None  # what the last whole-workspace run found, for focused runs

    def run_focused(self, edited: dict[Path, str], warn: Callable[[str], None]) -> AnalysisResult | None:
        """The findings in the edited files, re-evaluating only the roots that can reach them.

        Every other module keeps its index from the last whole run; the roots re-searched are those
        declared in the edited modules and those whose search, in that run, entered a scope of an
        edited module (the search's edges walked backwards), unless the edit stayed inside function
        bodies and left the edited scopes' summaries as they were (an early cutoff, see
        ``WholeRun.edits_stay_inside``). Project-wide facts (the Celery default task class,
        pytest-flask) are taken from that run. None when there is no whole run yet, or
        an edited file is new or does not parse: the whole run that follows answers then.
        """
        whole = self._whole
        if whole is None:
            return None
        with collector_paused():
            replaced = whole.reindexed(edited, self.index_cache)
            if replaced is None:
                return None
            names = frozenset(replaced)
            edited_scopes = [scope for module in replaced.values() for scope in module.scopes.values()]
            resolver = whole.resolver_with(replaced, edited_scopes)
            ws = resolver.ws
            edited_qualnames = {s.qualname for s in edited_scopes}
            reaching = whole.scopes_reaching({q for name in names for q in whole.workspace.modules[name].scopes})
            edited_paths = {m.path for m in replaced.values()}
            # What an edited function may reach is not known before the search: its name may lead anywhere.
            worth_asking = {**whole.worth_asking, **{s.name: Level.REQUEST for s in edited_scopes}}
            jedi = self._jedi.for_focused_run(replaced.values(), whole.config.jedi_budget)
            search = Search(resolver, whole.facts, jedi, worth_asking, whole.commands)
            search.reuse(whole.summaries, edited_qualnames)
            entries = None
            earlier = None
            if whole.edits_stay_inside(replaced, search):
                # Early cutoff: every scope that reaches the edited code leads where it led before, so
                # the roots declared elsewhere are the whole run's, searched from reused summaries.
                entries = EntryFinder(resolver, whole.facts, self._check_interrupt, whole.celery_default,
                                      whole.fixtures, whole.registered).find(only=names, edited=names)
                if entries.commands == whole.commands:
                    entries.roots.extend(r for r in whole.roots if r.scope in reaching and r.path not in edited_paths)
                    earlier = whole.certainty_kept(replaced)
                else:
                    entries = None  # the edit registered or removed a CLI command: tests may invoke it
            if entries is None:
                # Roots are found again in the edited modules and in every module declaring a root that
                # reached them (a Thread(target=...) in a view): such a root's level can depend on the
                # edited code (``@stream_with_context`` on the generator), so none is reused as it was.
                finder = EntryFinder(resolver, whole.facts, self._check_interrupt, whole.celery_default,
                                     whole.fixtures, whole.registered)
                entries = finder.find(only=names | whole.modules_declaring_roots_in(reaching), edited=names)
                search = Search(resolver, whole.facts, jedi, worth_asking, entries.commands)
                search.reuse(whole.summaries, reaching | edited_qualnames)
            # Every finding of the roots searched again in the edited files is published; a root in an
            # edited file keeps all it reaches, so that hover on it can say what it reaches elsewhere.
            collected = collect_findings(ws, entries.roots, search, self._check_interrupt,
                                         SuppressionMap({m.path: m.source for m in ws.modules.values()},
                                                        whole.config.allow_bare_noqa),
                                         wanted=lambda root, hit: hit.path in edited_paths or root.path in edited_paths,
                                         earlier=earlier)
            findings = collected.findings
            findings.extend(f for f in escape_findings(ws, entries) if f.path in edited_paths)
            sites = sink_sites_in(ws, search, entries.views, whole.facts, edited_scopes)  # hover on the edited files
            return self._finish(findings, whole.modules_to_suppress(replaced, findings), whole.config, resolver,
                                entries, len(replaced), sites, whole.facts, collected, fix_paths=edited_paths)

    def _check_interrupt(self) -> None:
        if self.interrupt is not None and self.interrupt():
            raise Interrupted

    def run(self, paths: list[Path], warn: Callable[[str], None], overlay: dict[Path, str] | None = None,
            files: list[SourceFile] | None = None, contents: dict[Path, bytes | None] | None = None) -> AnalysisResult:
        """Analyse ``paths``; ``files``/``contents``: what a caller already discovered and read (see index_files)."""
        with collector_paused():
            config = self.config if self.config is not None else config_or_defaults(self.root, warn)
            return self._run(paths, warn, config, overlay, files, contents)

    def _run(self, paths: list[Path], warn: Callable[[str], None], config: Config,
             overlay: dict[Path, str] | None = None, files: list[SourceFile] | None = None,
             contents: dict[Path, bytes | None] | None = None) -> AnalysisResult:
        stale: dict[Path, LineMap] = {}
        if self.use_jedi:
            if files is None:
                files = discover(paths, warn)
            self._jedi.warm_up(len(files))  # on a large workspace, jedi loads in its own process meanwhile
        started = time.perf_counter()
        duplicated: set[str] = set()
        modules = index_files(paths, warn, overlay, self.index_cache, config, self.progress, files, contents,
                              self._check_interrupt, stale if self.keep_last_good else None, duplicated)
        self._jedi.indexed(time.perf_counter() - started)
        ws = Workspace(modules, frozenset(duplicated))
        resolver = Resolver(ws, frozenset(config.extra_sinks))
        facts = project_facts(self.root, modules, config)
        for warning in unmatched_config_names(config, ws, modules):
            warn(warning)
        finder = EntryFinder(resolver, facts, self._check_interrupt)
        entries = finder.find()
        jedi = self._jedi.for_whole_run(modules, config.jedi_budget) if self.use_jedi else None
        search = Search(resolver, facts, jedi, {}, entries.commands)
        sites = sink_sites_in(ws, search, entries.views, facts)
        search.worth_asking = needs_by_name(ws, sites, entries.views)
        collected = collect_findings(ws, entries.roots, search, self._check_interrupt,
                                     SuppressionMap({m.path: m.source for m in modules}, config.allow_bare_noqa))
        findings = collected.findings
        findings.extend(escape_findings(ws, entries))
        whole_workspace = self.root in paths or [p.absolute() for p in paths] == [self.root.absolute()]
        if self.keep_for_focused_runs and whole_workspace:
            self._whole = WholeRun.kept_from(modules, config, facts, finder, entries, search, collected)
        result = self._finish(findings, modules, config, resolver, entries, len(modules), sites, facts, collected)
        result.jedi_queries = jedi.queries if jedi else 0
        result.jedi = JediUse(jedi.queries, jedi.answered, len(jedi.unasked), jedi.seconds, jedi.budget.seconds) \
            if jedi else None
        if self.measure_resolution:
            result.resolution = resolution.measure(search, entries.roots).as_data()
        if stale:
            carry_over_result(result, stale)
        return result

    def _finish(self, findings: list[Finding], modules: list[ModuleIndex], config: Config, resolver: Resolver,
                entries: Entries, files: int, sink_sites: list[SinkSite], facts: ProjectFacts,
                collected: Collected, fix_paths: set[Path] | None = None) -> AnalysisResult:
        """Configuration, suppressions and fix plans (for findings in ``fix_paths``, default all) applied."""
        reported = reported_findings(findings, modules, config, collected)
        kept = reported.findings
        if self.fix_planner is not None:
            plan = self.fix_planner(resolver, entries.views, config.app, facts.server_name_configured)
            kept = [replace(f, fixes=plan(f)) if fix_paths is None or f.path in fix_paths else f for f in kept]
        kept.sort(key=lambda f: (str(f.path), f.span.line, f.span.col, f.code))
        return AnalysisResult(kept, files=files, roots=list(entries.roots), sink_sites=sink_sites,
                              paths=[m.path for m in modules], suppressed=reported.suppressed,
                              unused_suppressions=reported.unused_suppressions, config=config, gaps=reported.gaps)
