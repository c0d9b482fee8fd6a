"""What the server publishes after a run: diagnostics of the files that changed, and only those.

Three kinds of result reach the event loop (``lsp.worker``): a whole-workspace run (every file), a
focused run after an edit (the edited files, ahead of the whole run) and the early preview of the
open files before the first whole run. Each publishes only for documents whose open version is
still the snapshot's, and only what changed; a client that pulls gets its answer through the
waiters instead of a push.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls import uris

from flaskscope.analysis import AnalysisResult
from flaskscope.lsp import convert
from flaskscope.lsp.worker import Snapshot

if TYPE_CHECKING:
    from flaskscope.lsp.server import FlaskscopeServer


def diagnostics_by_uri(ls: FlaskscopeServer, result: AnalysisResult,
                       path: Path | None = None) -> dict[str, list[types.Diagnostic]]:
    """The result's diagnostics (of ``path`` only, if given), for the rules the settings enable."""
    codec = ls.codec()
    by_uri: dict[str, list[types.Diagnostic]] = {}
    for finding in result.findings:
        if ls.settings.enabled(finding.code) and (path is None or finding.path.absolute() == path):
            by_uri.setdefault(convert.uri_of(finding.path), []).append(
                convert.to_diagnostic(finding, ls.settings, result.config, codec, ls.lines_of, ls.root))
    return by_uri


def publish(ls: FlaskscopeServer, snapshot: Snapshot, result: AnalysisResult, warnings: list[str]) -> None:
    if snapshot.partial and snapshot.focus:
        publish_edited_files(ls, snapshot, result)
        return
    if snapshot.partial:
        publish_open_files(ls, snapshot, result)
        return
    ls.result, ls.snapshot = result, snapshot
    for warning in warnings:
        ls.report_once(warning)
    by_uri = diagnostics_by_uri(ls, result)
    pulled_changed = False
    for uri in set(by_uri) | set(ls.published):
        document = ls.open_document(uri)
        path_text = uris.to_fs_path(uri)
        if document is not None and path_text is not None:
            if snapshot.versions.get(Path(path_text).absolute()) != document.version:
                continue  # the document changed since this snapshot: its own run will publish
        diagnostics = by_uri.get(uri, [])
        if diagnostics == ls.published.get(uri, []) and uri in ls.published:
            continue
        ls.published[uri] = diagnostics
        if ls.pull_active and document is not None:
            pulled_changed = True  # the client pulls open documents; pushing too would show them twice
            ls.clear_push(uri)
            continue
        ls.push(uri, diagnostics, document.version if document else None)
    if pulled_changed and ls.refresh_supported():
        ls.workspace_diagnostic_refresh(None)  # an edit elsewhere changed an open file's results
    wake_waiters(ls, snapshot.generation, None)
    ls.end_progress(result)


def wake_waiters(ls: FlaskscopeServer, generation: int, uris_wanted: set[str] | None) -> None:
    """Answer the pulls waiting for a run up to ``generation`` (only those for ``uris_wanted`` if given)."""
    for wanted, uri, waiter in ls.waiters:
        if wanted <= generation and (uris_wanted is None or uri in uris_wanted) and not waiter.done():
            waiter.set_result(None)
    ls.waiters = [entry for entry in ls.waiters if not entry[2].done()]


def publish_edited_files(ls: FlaskscopeServer, snapshot: Snapshot, result: AnalysisResult) -> None:
    """The edited files' diagnostics from the focused run, ahead of the whole-workspace run."""
    settled = set()
    for path in snapshot.focus:
        uri = convert.uri_of(path)
        document = ls.open_document(uri)
        if document is None or snapshot.versions.get(path) != document.version:
            continue  # typed on since: a newer run will settle it
        settled.add(uri)
        ls.focused[uri] = (snapshot.generation, document.version, result)
        diagnostics = diagnostics_by_uri(ls, result, path).get(uri, [])
        if diagnostics == ls.published.get(uri) and uri in ls.published:
            continue
        ls.published[uri] = diagnostics
        if not ls.pull_active:
            ls.push(uri, diagnostics, document.version)
    wake_waiters(ls, snapshot.generation, settled)


def publish_open_files(ls: FlaskscopeServer, snapshot: Snapshot, result: AnalysisResult) -> None:
    """Early results for open documents, while the whole workspace is still being indexed.

    Only findings the open files' own calls lead to; the full run that follows replaces them.
    Pull requests still wait for the full run.
    """
    for path in snapshot.texts:
        uri = convert.uri_of(path)
        document = ls.open_document(uri)
        if document is None or snapshot.versions.get(path) != document.version or ls.pull_active:
            continue
        diagnostics = diagnostics_by_uri(ls, result, path).get(uri, [])
        # Hover answers from this result until the whole run's arrives: what a diagnostic is
        # published from must explain it from the moment the editor shows it.
        ls.early[uri] = (document.version, result)
        if diagnostics:
            ls.published[uri] = diagnostics
            ls.push(uri, diagnostics, document.version)
