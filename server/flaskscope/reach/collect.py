"""From the search's hits to a run's findings: one per sink, with its best chain and root.

Every root's search may reach the same sink; a user wants it reported once, from the shortest
certain path, with the other roots listed. Suppressions apply at two places: on a root's line
(that root only, while the sink stays reported from the others) and on the sink's line (the
finding). Kept apart from the engine so whole and focused runs collect in exactly the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from flaskscope.config import Config
from flaskscope.findings import Finding, Gap, Hop, Root
from flaskscope.index.columns import SourceColumns
from flaskscope.index.model import ModuleIndex, Scope, Span
from flaskscope.levels import Level
from flaskscope.reach.certainty import Certainty
from flaskscope.reach.entry_data import Entries, ProjectFacts
from flaskscope.reach.search import Search
from flaskscope.reach.summary import Hit
from flaskscope.resolve.workspace import Workspace
from flaskscope.result import SinkSite
from flaskscope.suppressions import Suppression, SuppressionMap, is_suppressed, suppressions_in


@dataclass
class Collected:
    """What the search found from the roots, before configuration and suppressions apply."""

    findings: list[Finding]
    silenced: list[Finding]  # (sink, root) pairs a suppression on the root's line silenced
    used: set[Suppression]  # the suppressions that silenced those
    # What certainty said of each (root, chain) it was asked about: a focused run reuses it.
    certainty: dict[tuple[Root, tuple[Hop, ...]], Gap | None] = field(default_factory=dict)


# ``(True, gap)`` when an earlier run's certainty still holds for this (root, chain), else ``(False, None)``.
EarlierCertainty = Callable[[Root, tuple[Hop, ...]], tuple[bool, "Gap | None"]]


def collect_findings(ws: Workspace, roots: list[Root], search: Search, checkpoint: Callable[[], None],
                     suppressions: SuppressionMap, wanted: Callable[[Root, Hit], bool] | None = None,
                     earlier: EarlierCertainty | None = None) -> Collected:
    """One finding per sink, from the shortest certain path that reaches it; a sink reached only on
    uncertain paths (``reach.certainty``) gives a finding carrying its gap instead.

    A suppression on a root's line (the ``Thread(...)``, the task's ``def``) silences that root
    only: the sink stays reported, with its own chain, from every root that carries none.
    ``wanted``: which of a root's hits to collect (a focused run needs few), default all.
    ``earlier``: what an earlier run's certainty said of a (root, chain), where it still holds.
    """
    grouped: dict[tuple[Path, Span, str], list[tuple[Root, tuple[Hop, ...], Hit, Gap | None]]] = {}
    certainty = Certainty(ws, search.resolver)
    judged: dict[tuple[Root, tuple[Hop, ...]], Gap | None] = {}
    for root in roots:
        checkpoint()
        if not root.scope or root.level is Level.REQUEST:
            continue
        entry = ws.scopes[root.scope]
        for hit in search.explore(root.scope, root.level):
            if wanted is not None and not wanted(root, hit):
                continue
            if root.kind in ("import-time", "script"):
                chain = hit.chain
                if root.kind == "import-time":
                    root = replace(root, line=chain[0].line)
            else:
                chain = (Hop(root.path, root.line, entry.name, root.site_scope or (entry.parent or "")), *hit.chain)
            gap = root.gap
            if gap is None:
                known, gap = earlier(root, chain) if earlier is not None else (False, None)
                if not known:
                    gap = certainty.gap_on(root, chain)
                judged[(root, chain)] = gap
            grouped.setdefault((hit.path, hit.span, hit.code), []).append((root, chain, hit, gap))
    collected = Collected([], [], set(), judged)
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


def escape_findings(ws: Workspace, entries: Entries) -> list[Finding]:
    """FCX103 for every proxy object passed into code that runs elsewhere (a thread, a task)."""
    findings = []
    for escape in entries.escapes:
        module = ws.module_of_scope[escape.scope]
        span = SourceColumns(module.source).span(escape.ref_expr)
        needs = Level.REQUEST if escape.proxy in ("flask.request", "flask.session") else Level.APP
        chain = (Hop(module.path, span.line, escape.symbol, escape.scope),)
        findings.append(Finding("FCX103", module.path, span, escape.symbol, needs, Level.NONE, escape.root, chain))
    return findings


@dataclass
class Reported:
    """The findings of a run sorted into what is reported, what a suppression silenced, and gaps."""

    findings: list[Finding]
    suppressed: list[Finding]
    unused_suppressions: list[Suppression]
    gaps: list[Finding]  # sinks reached only on paths that are not certain


def reported_findings(findings: list[Finding], modules: list[ModuleIndex], config: Config,
                      collected: Collected) -> Reported:
    """``findings`` (of ``collected`` and the escapes) with the configuration and the suppression
    comments of ``modules`` applied: one finding per sink span, disabled and ignored rules left out."""
    findings = [f for f in _drop_shadowed(findings)
                if config.rule_enabled(f.code) and not config.ignored_in(f.code, f.path)]
    gaps = sorted((f for f in findings if f.gap is not None),
                  key=lambda f: (str(f.path), f.span.line, f.span.col, f.code))
    findings = [f for f in findings if f.gap is None]
    kept, suppressed, unused = _apply_suppressions(findings, modules, config, collected.used)
    suppressed.extend(f for f in collected.silenced if config.rule_enabled(f.code))
    return Reported(kept, suppressed, unused, gaps)


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


def sink_sites_in(ws: Workspace, search: Search, views: set[str], facts: ProjectFacts,
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
