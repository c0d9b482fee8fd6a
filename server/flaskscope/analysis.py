"""Run the whole engine on a set of paths: read, index, resolve, reach, and collect findings.

This is the one entry point adapters call. It never imports or executes the analysed code:
files are read as text and parsed with ``ast``; jedi only reads them too.
"""

from __future__ import annotations

import ast
import contextlib
import gc
import hashlib
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from flaskscope.config import Config, ConfigError, find_config, load_config
from flaskscope.findings import Finding, Gap, Hop, Root
from flaskscope.imports import imported_modules
from flaskscope.index.builder import build_index
from flaskscope.index.columns import SourceColumns
from flaskscope.index.discovery import DEPENDENCY_FILES, SourceFile, discover
from flaskscope.index.model import ModuleIndex, Scope, Span
from flaskscope.knowledge.libraries import LIBRARY_PACKAGES
from flaskscope.knowledge.project import project_knowledge, unmatched_declarations
from flaskscope.levels import Level
from flaskscope.reach import resolution
from flaskscope.reach.certainty import Certainty
from flaskscope.reach.demand import needs_by_name
from flaskscope.reach.entries import EntryFinder
from flaskscope.reach.entry_data import Entries, ProjectFacts, Registrations
from flaskscope.reach.search import Hit, Search, Summary
from flaskscope.resolve.jedi_fallback import MIN_JEDI_BUDGET, JediBudget, JediFallback
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.workspace import CallsByName, PatchedCalls, Workspace
from flaskscope.result import AnalysisResult, JediUse, SinkSite
from flaskscope.source import decode_source, read_source, syntax_error_message
from flaskscope.stale import LineMap, carry_over, moved_root
from flaskscope.suppressions import Suppression, SuppressionMap, is_suppressed, suppressions_in


class Interrupted(Exception):
    """A run given up because its caller no longer wants its result (newer edits arrived)."""


class IndexCache:
    """Module indexes by (path, module name, source): an unchanged file is never parsed again."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[str, str, ModuleIndex]] = {}

    def get(self, path: Path, module: str, source: str, is_package: bool) -> ModuleIndex:
        digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        cached = self._entries.get(path)
        if cached is not None and cached[0] == digest and cached[1] == module:
            return cached[2]
        index = build_index(module, path, source, is_package)
        self._entries[path] = (digest, module, index)
        return index

    def last_good(self, path: Path, module: str) -> ModuleIndex | None:
        """The index of the last text of ``path`` that parsed (an edit that broke it failed to replace it)."""
        cached = self._entries.get(path)
        return cached[2] if cached is not None and cached[1] == module else None


def index_files(paths: list[Path], warn: Callable[[str], None], overlay: dict[Path, str] | None = None,
                cache: IndexCache | None = None, config: Config | None = None,
                progress: Callable[[int, int], None] | None = None, files: list[SourceFile] | None = None,
                contents: dict[Path, bytes | None] | None = None,
                interrupt: Callable[[], bool] | None = None,
                stale: dict[Path, LineMap] | None = None) -> list[ModuleIndex]:
    """Index every Python file under ``paths``; ``overlay`` holds unsaved editor text by path.

    ``files`` and ``contents`` (bytes by path, None when unreadable) are what a caller that
    already discovered and read the files (the result cache) passes to avoid doing it twice.
    """
    overlay = overlay or {}
    contents = contents or {}
    modules: list[ModuleIndex] = []
    taken: set[str] = set()
    if files is None:
        files = discover(paths, warn)
    shadows = _library_copies(files)
    for library in sorted(set(shadows.values())):
        copies = sorted((path for path, name in shadows.items() if name == library), key=str)
        warn(f"{copies[0]}: package `{library}` has the name of a library flaskscope knows; it is treated as "
             f"that library and its {len(copies)} file(s) are not analysed")
    for number, source_file in enumerate(files, 1):
        if progress is not None:
            progress(number, len(files))
        if interrupt is not None and interrupt():
            raise Interrupted
        path = source_file.path
        if config is not None and config.exclude and config.excluded(path):
            continue
        if path in shadows:
            continue
        source: str | None = None
        try:
            source = overlay.get(path.absolute()) if overlay else None  # absolute() asks the OS for the cwd
            if source is None:
                data = contents.get(path)
                source = decode_source(data) if data is not None else read_source(path)
            if cache is not None:
                module = cache.get(path, source_file.module, source, source_file.is_package)
            else:
                module = build_index(source_file.module, path, source, source_file.is_package)
        except UnicodeDecodeError as exc:
            encoding = "UTF-8" if exc.encoding.replace("-", "").lower().startswith("utf8") else exc.encoding
            warn(f"{path}: not valid {encoding} (byte {exc.start}); skipped")
            continue
        except SyntaxError as exc:
            previous = None
            if cache is not None and stale is not None:
                previous = cache.last_good(path, source_file.module) or _saved_version(cache, source_file, source)
            if previous is None or source is None or stale is None:
                warn(f"{syntax_error_message(path, exc)}; skipped")
                continue
            warn(f"{syntax_error_message(path, exc)}; using the last version that parsed")
            stale[path] = LineMap(previous.source, source)
            module = previous
        except (RecursionError, MemoryError):
            warn(f"{path}: code nested too deeply to analyse (Python's parser or flaskscope's index ran out of "
                 "depth); skipped")
            continue
        except ValueError as exc:
            warn(f"{path}: cannot be parsed ({exc}); skipped")
            continue
        except OSError as exc:
            warn(f"{path}: cannot be read ({exc.strerror or exc}); skipped")
            continue
        if module.name in taken:
            warn(f"{path}: module `{module.name}` is defined twice; this copy is skipped")
            continue
        taken.add(module.name)
        modules.append(module)
    return modules


def _saved_version(cache: IndexCache, source_file: SourceFile, text: str | None) -> ModuleIndex | None:
    """The index of the file as saved, for an editor's text that does not parse and never did here.

    The language server's first run can come after the text broke: its snapshot is taken whenever
    the analysis thread gets to it, and the didChange that broke the file may land before that. The
    saved file is the version the editor opened; without it the file would be skipped, and with it
    every root it declares (what other files' diagnostics come from).
    """
    try:
        saved = read_source(source_file.path)
        if text is None or saved == text:
            return None
        return cache.get(source_file.path, source_file.module, saved, source_file.is_package)
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _library_copies(files: list[SourceFile]) -> dict[Path, str]:
    """The files of workspace packages named like a library the tables describe, by library name.

    A whole directory goes with its package: a vendored Flask's ``sansio/`` has no ``__init__.py``
    and its files would otherwise pose as top-level modules (``app``) of the project.
    """
    directories = {f.path.parent: f.module for f in files
                   if f.is_package and "." not in f.module and f.module in LIBRARY_PACKAGES}
    found: dict[Path, str] = {}
    if not directories and not any(f.module.split(".", 1)[0] in LIBRARY_PACKAGES for f in files):
        return found
    for source_file in files:
        top = source_file.module.split(".", 1)[0]
        if top in LIBRARY_PACKAGES:
            found[source_file.path] = top
            continue
        for parent in source_file.path.parents:
            if parent in directories:
                found[source_file.path] = directories[parent]
                break
    return found


def import_closure(root: Path, start: list[Path], warn: Callable[[str], None],
                   overlay: dict[Path, str] | None = None, cache: IndexCache | None = None) -> list[Path]:
    """``start`` and every workspace module they import, transitively (by import statements only).

    It lets an editor see the open file's results before the whole workspace is indexed: the calls
    an open file makes are analysed; the entry points elsewhere that reach it come with the full run.
    """
    by_module = {f.module: f.path for f in discover([root], lambda message: None)}
    known = set(by_module)
    wanted = list(dict.fromkeys(p.absolute() for p in start))
    seen: set[Path] = set()
    while wanted:
        path = wanted.pop()
        if path in seen:
            continue
        seen.add(path)
        for module in index_files([path], warn, overlay, cache):
            wanted.extend(by_module[name].absolute() for name in imported_modules(module, known))
    return sorted(seen)


def project_facts(root: Path, modules: list[ModuleIndex], config: Config | None = None) -> ProjectFacts:
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


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off Python's cycle collector while the engine builds its tables.

    An analysis allocates millions of small long-lived objects (AST nodes, index records, memo
    entries) and drops almost none of them until it ends; every automatic collection would walk
    all of them again, which made the run time grow faster than the workspace (2.2x on 50k lines).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What the run built is kept (the caller holds the result and the caches); freezing it
        # keeps the collections that resume from walking all of it again (1.4 s on 200k lines).
        # Frozen objects are never collected: a long-lived process calls ``collect_garbage`` now and then.
        gc.freeze()
        if was_enabled:
            gc.enable()


def collect_garbage() -> None:
    """Collect what earlier runs left in cycles (frozen with everything else by ``collector_paused``)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class Analyzer:
    """The engine with its caches, for repeated runs (the language server keeps one).

    Not thread-safe: jedi objects live inside; one thread owns an Analyzer.
    """

    def __init__(self, root: Path, use_jedi: bool = True, with_fixes: bool = True,
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
        self.with_fixes = with_fixes  # plan fixes only for adapters that offer them
        self.config = config  # None: found next to the analysed files on each run
        self.index_cache = IndexCache()
        self._jedi: JediFallback | None = None
        self._indexing_seconds = 0.0
        self.interrupt: Callable[[], bool] | None = None  # polled during a run: True gives it up
        self._whole: _WholeRun | None = None  # what the last whole-workspace run found, for focused runs

    def run_focused(self, edited: dict[Path, str], warn: Callable[[str], None]) -> AnalysisResult | None:
        """The findings in the edited files, re-evaluating only the roots that can reach them.

        Every other module keeps its index from the last whole run; the roots re-searched are those
        declared in the edited modules and those whose search, in that run, entered a scope of an
        edited module (the search's edges walked backwards). Project-wide facts (the Celery default
        task class, pytest-flask) are taken from that run. None when there is no whole run yet, or
        an edited file is new or does not parse: the whole run that follows answers then.
        """
        whole = self._whole
        if whole is None:
            return None
        with collector_paused():
            replaced: dict[str, ModuleIndex] = {}
            for path, text in edited.items():
                old = whole.by_path.get(path.absolute())
                if old is None:
                    return None
                try:
                    replaced[old.name] = self.index_cache.get(old.path, old.name, text, old.is_package)
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    return None
            ws = whole.workspace.with_modules(list(replaced.values()))
            names = frozenset(replaced)
            edited_scopes = [scope for module in replaced.values() for scope in module.scopes.values()]
            calls = PatchedCalls(whole.calls, names, edited_scopes, whole.call_groups)
            resolver = Resolver(ws, frozenset(whole.config.extra_sinks), calls)
            reaching = whole.scopes_reaching({q for name in names for q in whole.workspace.modules[name].scopes})
            # Roots are found again in the edited modules and in every module declaring a root that
            # reached them (a Thread(target=...) in a view): such a root's level can depend on the
            # edited code (``@stream_with_context`` on the generator), so none is reused as it was.
            declaring = {whole.by_path[r.path.absolute()].name for r in whole.roots
                         if r.scope in reaching and r.path.absolute() in whole.by_path}
            finder = EntryFinder(resolver, whole.facts, self._check_interrupt, whole.celery_default,
                                 whole.fixtures, whole.registered)
            entries = finder.find(only=names | declaring, edited=names)
            edited_paths = {m.path for m in replaced.values()}
            # What an edited function may reach is not known before the search: its name may lead anywhere.
            worth_asking = {**whole.worth_asking, **{s.name: Level.REQUEST for s in edited_scopes}}
            search = Search(resolver, whole.facts, self._focused_jedi(replaced.values(), whole.config),
                            worth_asking, entries.commands)
            search.reuse(whole.summaries, reaching | {s.qualname for s in edited_scopes})
            # Every finding of the roots searched again: those in the edited files are published; the
            # others let hover on a root in an edited file say what it reaches elsewhere.
            collected = _collect(ws, entries.roots, search, self._check_interrupt,
                                 SuppressionMap({m.path: m.source for m in ws.modules.values()},
                                                whole.config.allow_bare_noqa))
            findings = collected.findings
            findings.extend(f for f in _escape_findings(ws, entries) if f.path in edited_paths)
            sites = _sink_sites(ws, search, entries.views, whole.facts, edited_scopes)  # hover on the edited files
            modules = {m.name: m for m in replaced.values()}
            for finding in findings:
                module = whole.by_path.get(finding.path.absolute())
                if module is not None:
                    modules.setdefault(module.name, module)  # their suppression comments apply too
            return self._finish(findings, list(modules.values()), whole.config, resolver, entries,
                                len(replaced), sites, whole.facts, collected, fix_paths=edited_paths)

    def _focused_jedi(self, edited: Iterable[ModuleIndex], config: Config) -> JediFallback | None:
        """The whole run's jedi, told where the edited modules' functions now are."""
        if self._jedi is None:
            return None
        self._jedi.update(edited)
        self._jedi.start_run(self._jedi_budget(config))
        return self._jedi

    def _jedi_budget(self, config: Config) -> JediBudget:
        """The configured budget, or as long as indexing the workspace took (at least a second):
        jedi then at most doubles a cold check, however many questions the project raises."""
        if config.jedi_budget is not None:
            return JediBudget(config.jedi_budget)
        return JediBudget(max(MIN_JEDI_BUDGET, self._indexing_seconds))

    def _check_interrupt(self) -> None:
        if self.interrupt is not None and self.interrupt():
            raise Interrupted

    def _found_config(self, warn: Callable[[str], None]) -> Config:
        """The project's configuration; a broken file is reported and the defaults are used."""
        try:
            return load_config(find_config(self.root))
        except ConfigError as exc:
            warn(f"{exc}; using the default configuration")
            return Config()

    def run(self, paths: list[Path], warn: Callable[[str], None], overlay: dict[Path, str] | None = None,
            files: list[SourceFile] | None = None, contents: dict[Path, bytes | None] | None = None) -> AnalysisResult:
        """Analyse ``paths``; ``files``/``contents``: what a caller already discovered and read (see index_files)."""
        with collector_paused():
            config = self.config if self.config is not None else self._found_config(warn)
            return self._run(paths, warn, config, overlay, files, contents)

    def _run(self, paths: list[Path], warn: Callable[[str], None], config: Config,
             overlay: dict[Path, str] | None = None, files: list[SourceFile] | None = None,
             contents: dict[Path, bytes | None] | None = None) -> AnalysisResult:
        stale: dict[Path, LineMap] = {}
        started = time.perf_counter()
        modules = index_files(paths, warn, overlay, self.index_cache, config, self.progress, files, contents,
                              self.interrupt, stale if self.keep_last_good else None)
        # The longest indexing seen: later runs of a long-lived analyzer hit the index cache.
        self._indexing_seconds = max(self._indexing_seconds, time.perf_counter() - started)
        ws = Workspace(modules)
        resolver = Resolver(ws, frozenset(config.extra_sinks))
        facts = project_facts(self.root, modules, config)
        for warning in unmatched_declarations(
                {"extra-providers": tuple(config.extra_providers), "extra-roots": tuple(config.extra_roots),
                 "extra-sinks": tuple(config.extra_sinks)},
                set(ws.modules), {*ws.scopes, *ws.classes, *(f"{m.name}.{g}" for m in modules for g in m.globals)}):
            warn(warning)
        finder = EntryFinder(resolver, facts, self._check_interrupt)
        entries = finder.find()
        jedi = None
        if self.use_jedi:
            if self._jedi is None:
                self._jedi = JediFallback(self.root, modules)
            jedi = self._jedi
            jedi.reset(modules, self._jedi_budget(config))
        search = Search(resolver, facts, jedi, {}, entries.commands)
        sink_sites = _sink_sites(ws, search, entries.views, facts)
        search.worth_asking = needs_by_name(ws, sink_sites, entries.views)
        collected = _collect(ws, entries.roots, search, self._check_interrupt,
                             SuppressionMap({m.path: m.source for m in modules}, config.allow_bare_noqa))
        findings = collected.findings
        findings.extend(_escape_findings(ws, entries))
        whole_workspace = self.root in paths or [p.absolute() for p in paths] == [self.root.absolute()]
        if self.keep_for_focused_runs and whole_workspace:
            self._whole = _WholeRun(ws, {m.path.absolute(): m for m in modules}, list(entries.roots), search.edges,
                                    facts,
                                    finder.celery_default_level(), config, finder.registrations(),
                                    resolver.calls_by_name(), finder.fixture_table(), resolver.call_groups(),
                                    search.worth_asking, search.summaries())
        result = self._finish(findings, modules, config, resolver, entries, len(modules), sink_sites, facts,
                              collected)
        result.jedi_queries = jedi.queries if jedi else 0
        result.jedi = JediUse(jedi.queries, jedi.answered, len(jedi.unasked), jedi.seconds, jedi.budget.seconds) \
            if jedi else None
        if self.measure_resolution:
            result.resolution = resolution.measure(search, entries.roots).as_data()
        if stale:
            _carry_over(result, stale)
        return result

    def _finish(self, findings: list[Finding], modules: list[ModuleIndex], config: Config, resolver: Resolver,
                entries: Entries, files: int, sink_sites: list[SinkSite], facts: ProjectFacts,
                collected: _Collected, fix_paths: set[Path] | None = None) -> AnalysisResult:
        """Configuration, suppressions and fix plans (for findings in ``fix_paths``, default all) applied."""
        findings = [f for f in _drop_shadowed(findings)
                    if config.rule_enabled(f.code) and not config.ignored_in(f.code, f.path)]
        gaps = sorted((f for f in findings if f.gap is not None),
                      key=lambda f: (str(f.path), f.span.line, f.span.col, f.code))
        findings = [f for f in findings if f.gap is None]
        kept, suppressed, unused = _apply_suppressions(findings, modules, config, collected.used)
        suppressed.extend(f for f in collected.silenced if config.rule_enabled(f.code))
        if self.with_fixes:
            from flaskscope.fixes.context import FixContext
            from flaskscope.fixes.plan import plan_fixes  # only adapters that offer fixes pay for importing them

            fix_context = FixContext(resolver, entries.views, config.app, facts.server_name_configured)
            kept = [replace(f, fixes=plan_fixes(fix_context, f)) if fix_paths is None or f.path in fix_paths else f
                    for f in kept]
        kept.sort(key=lambda f: (str(f.path), f.span.line, f.span.col, f.code))
        return AnalysisResult(kept, files=files, roots=list(entries.roots), sink_sites=sink_sites,
                              paths=[m.path for m in modules], suppressed=suppressed, unused_suppressions=unused,
                              config=config, gaps=gaps)


def _carry_over(result: AnalysisResult, stale: dict[Path, LineMap]) -> None:
    """Move what the last good versions of ``stale`` files say onto their current texts."""
    result.findings = carry_over(result.findings, stale)
    result.suppressed = carry_over(result.suppressed, stale)
    result.gaps = carry_over(result.gaps, stale)
    result.roots = [root for root in (moved_root(r, stale) for r in result.roots) if root is not None]
    sites = []
    for site in result.sink_sites:
        lines = stale.get(site.path)
        span = lines.span(site.span) if lines is not None else site.span
        if span is not None:
            sites.append(replace(site, span=span))
    result.sink_sites = sites
    result.unused_suppressions = [s for s in result.unused_suppressions if s.path not in stale]


@dataclass
class _WholeRun:
    """What a focused run reuses from the last whole-workspace run."""

    workspace: Workspace
    by_path: dict[Path, ModuleIndex]  # by absolute path
    roots: list[Root]
    edges: dict[str, set[str]]  # the search's scope -> entered scopes
    facts: ProjectFacts
    celery_default: Level
    config: Config
    registered: Registrations
    calls: CallsByName
    fixtures: tuple[dict[str, str], list[str]]
    call_groups: dict[str, dict[str, list[tuple[Scope, ast.Call]]]]
    worth_asking: Mapping[str, Level]
    summaries: dict[tuple[str, Level], Summary]
    _callers: dict[str, set[str]] | None = None

    def scopes_reaching(self, targets: set[str]) -> set[str]:
        """The targets and every scope whose search entered one of them, directly or not."""
        if self._callers is None:
            self._callers = {}
            for caller, callees in self.edges.items():
                for callee in callees:
                    self._callers.setdefault(callee, set()).add(caller)
        reaching = set(targets)
        pending = list(targets)
        while pending:
            for caller in self._callers.get(pending.pop(), ()):
                if caller not in reaching:
                    reaching.add(caller)
                    pending.append(caller)
        return reaching


def _apply_suppressions(findings: list[Finding], modules: list[ModuleIndex], config: Config,
                        used_by_roots: set[Suppression]) -> tuple[list[Finding], list[Finding], list[Suppression]]:
    """(kept, suppressed, suppressions that silenced nothing); ``used_by_roots``: those that already
    silenced a root of a sink reported from another root."""
    by_file = {m.path: suppressions_in(m.path, m.source, config.allow_bare_noqa) for m in modules
               if "noqa" in m.source or "flaskscope:" in m.source}
    kept, suppressed, used = [], [], set(used_by_roots)
    for finding in findings:
        suppression = is_suppressed(finding, by_file)
        if suppression is None:
            kept.append(finding)
        else:
            suppressed.append(finding)
            used.add(suppression)
    unused = [s for lines in by_file.values() for s in lines.values() if s not in used]
    return kept, suppressed, sorted(unused, key=lambda s: (str(s.path), s.line))


def _sink_sites(ws: Workspace, search: Search, views: set[str], facts: ProjectFacts,
                scopes: Iterable[Scope] | None = None) -> list[SinkSite]:
    """Every use of something that needs a context (in ``scopes``, default all), for hover."""
    sites = []
    sinks = facts.knowledge.sinks
    for scope in ws.scopes.values() if scopes is None else scopes:
        path = ws.module_of_scope[scope.qualname].path
        for ref in scope.refs:
            if not any(name in facts.knowledge.sink_tails for name in ref.names):
                continue
            for i, value in enumerate(search.ref_values(scope, ref)):
                if value.kind == "external" and value.name in sinks:
                    sink = sinks[value.name]
                    sites.append(SinkSite(path, ref.spans[i], ".".join(ref.names[: i + 1]), sink.name, sink.needs,
                                          scope.qualname, ref.level, scope.qualname in views))
                    break
    return sites


@dataclass
class _Collected:
    findings: list[Finding]
    silenced: list[Finding]  # (sink, root) pairs a suppression on the root's line silenced
    used: set[Suppression]


def _collect(ws: Workspace, roots: list[Root], search: Search, checkpoint: Callable[[], None],
             suppressions: SuppressionMap) -> _Collected:
    """One finding per sink, from the shortest certain path that reaches it; a sink reached only on
    uncertain paths (``reach.certainty``) gives a finding carrying its gap instead.

    A suppression on a root's line (the ``Thread(...)``, the task's ``def``) silences that root
    only: the sink stays reported, with its own chain, from every root that carries none.
    """
    grouped: dict[tuple[Path, Span, str], list[tuple[Root, tuple[Hop, ...], Hit, Gap | None]]] = {}
    certainty = Certainty(ws, search.resolver)
    for root in roots:
        checkpoint()
        if not root.scope or root.level is Level.REQUEST:
            continue
        entry = ws.scopes[root.scope]
        for hit in search.explore(root.scope, root.level):
            if root.kind in ("import-time", "script"):
                chain = hit.chain
                if root.kind == "import-time":
                    root = replace(root, line=chain[0].line)
            else:
                chain = (Hop(root.path, root.line, entry.name, root.site_scope or (entry.parent or "")), *hit.chain)
            gap = root.gap or certainty.gap_on(root, chain)
            grouped.setdefault((hit.path, hit.span, hit.code), []).append((root, chain, hit, gap))
    collected = _Collected([], [], set())
    for (path, span, code), reached in grouped.items():
        reached.sort(key=lambda r: (r[3] is not None, len(r[1]), str(r[0].path), r[0].line, r[0].kind))
        open_roots = [r for r in reached if suppressions.at(r[0].path, r[0].line, code) is None]
        if open_roots and len(open_roots) < len(reached):
            silenced_roots: set[Root] = set()
            for root, chain, hit, gap in reached:
                suppression = suppressions.at(root.path, root.line, code)
                if suppression is not None and root not in silenced_roots:
                    silenced_roots.add(root)
                    collected.used.add(suppression)
                    collected.silenced.append(Finding(code, path, span, hit.symbol, hit.needs, hit.had, root,
                                                      chain, gap=gap))
            reached = open_roots
        root, chain, hit, gap = reached[0]
        others = tuple(dict.fromkeys(r[0] for r in reached[1:] if r[0] != root and (r[3] is None) == (gap is None)))
        patches = tuple(sorted(certainty.patched_by(root.scope))) if root.kind == "pytest" else ()
        collected.findings.append(Finding(code, path, span, hit.symbol, hit.needs, hit.had, root, chain, others,
                                          gap=gap, root_patches=patches))
    return collected


def _escape_findings(ws: Workspace, entries: Entries) -> list[Finding]:
    findings = []
    for escape in entries.escapes:
        module = ws.module_of_scope[escape.scope]
        span = SourceColumns(module.source).span(escape.ref_expr)
        needs = Level.REQUEST if escape.proxy in ("flask.request", "flask.session") else Level.APP
        chain = (Hop(module.path, span.line, escape.symbol, escape.scope),)
        findings.append(Finding("FCX103", module.path, span, escape.symbol, needs, Level.NONE, escape.root, chain))
    return findings


def _drop_shadowed(findings: list[Finding]) -> list[Finding]:
    """One finding per sink span: an escaping proxy (FCX103) explains its own span best."""
    escaped = {(f.path, f.span) for f in findings if f.code == "FCX103"}
    seen: set[tuple[Path, Span, str]] = set()
    kept = []
    for finding in findings:
        key = (finding.path, finding.span, finding.code)
        if key in seen or (finding.code != "FCX103" and (finding.path, finding.span) in escaped):
            continue
        seen.add(key)
        kept.append(finding)
    return kept
