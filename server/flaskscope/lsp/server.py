"""``flaskscope server``: the pygls wiring. Every handler is short and never analyses by itself.

- Document events only request an analysis run (debounced) from the analysis thread.
- Results come back to the event loop with the snapshot they were computed from; diagnostics are
  published only for files whose open version is still that snapshot's, and only when they
  changed (so editing a callee re-publishes its callers' files, and nothing else).
- Hover and code actions answer from the last result and from the fix plans carried in
  ``Diagnostic.data``: no re-analysis, no waiting on the analysis thread.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls import uris
from pygls.lsp.server import LanguageServer
from pygls.workspace import PositionCodec, TextDocument

from flaskscope import __version__
from flaskscope.analysis import AnalysisResult
from flaskscope.lsp import convert, publishing
from flaskscope.lsp.hover import hover_markdown
from flaskscope.lsp.lifeline import watch_parent
from flaskscope.lsp.settings import Settings, parse_settings
from flaskscope.lsp.worker import AnalysisWorker, Snapshot
from flaskscope.source import read_source

log = logging.getLogger(__name__)
FIX_ALL_KIND = "source.fixAll.flaskscope"


class FlaskscopeServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("flaskscope", __version__)
        self.settings = Settings()
        self.worker: AnalysisWorker | None = None
        self.result: AnalysisResult | None = None
        self.snapshot: Snapshot | None = None
        self.published: dict[str, list[types.Diagnostic]] = {}
        self.reported: set[str] = set()
        self.waiters: list[tuple[int, str | None, asyncio.Future[None]]] = []
        self.progress_token: str | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.pull_active = False  # the client pulls diagnostics of open documents: do not push those
        self.pushed: set[str] = set()  # uris whose last push was not empty
        # uri -> (generation, document version, result) of the focused run that last settled it: a pull
        # is answered from it, and hover on a file edited since the last whole run explains the text
        # the user sees, not the positions of the older run.
        self.focused: dict[str, tuple[int, int | None, AnalysisResult]] = {}
        # uri -> (document version, result) of the open files' early run, for hover until a whole run
        self.early: dict[str, tuple[int | None, AnalysisResult]] = {}

    # -------------------------------------------------------------- helpers
    @property
    def root(self) -> Path | None:
        root = self.workspace.root_path
        return Path(root) if root else None

    def open_document(self, uri: str) -> TextDocument | None:
        """The open document at ``uri`` (as a client or ``convert.uri_of`` spells it), or None.

        pygls keys its documents by the *unquoted* URI, while clients and ``uri_of`` quote it: looked
        up as sent, a file under ``a+b/`` or ``my project/`` was never found open, so its focused
        run settled nothing and every pull waited for the whole workspace.
        """
        return self.workspace.text_documents.get(unquote(uri))

    def codec(self) -> PositionCodec:
        return PositionCodec(self.workspace.position_encoding)

    def lines_of(self, path: Path) -> list[str]:
        uri = convert.uri_of(path)
        document = self.open_document(uri)
        if document is not None:
            return list(document.lines)
        try:
            return read_source(path).splitlines(keepends=True)
        except (OSError, UnicodeDecodeError, SyntaxError):
            return []

    def report_once(self, text: str, level: types.MessageType = types.MessageType.Warning) -> None:
        """Tell the user about a problem with their input once, in the log, never as a popup."""
        if text in self.reported:
            return
        self.reported.add(text)
        log.warning(text)
        self.window_log_message(types.LogMessageParams(level, f"flaskscope: {text}"))

    def report_server_error(self, error: Exception, source: Any) -> None:
        log.error("internal error in a handler (%s): %s", source, error, exc_info=error)

    def apply_settings(self, raw: Any) -> None:
        self.settings, problems = parse_settings(raw)
        for problem in problems:
            self.report_once(problem)

    # ------------------------------------------------------------- analysis
    def take_snapshot(self, generation: int) -> Snapshot:
        """Called on the analysis thread; reads document state without mutating it."""
        texts, versions, extra = {}, {}, []
        root = self.root
        for document in list(self.workspace.text_documents.values()):
            path_text = uris.to_fs_path(document.uri)
            if not path_text or not path_text.endswith(".py"):
                continue
            path = Path(path_text).absolute()
            # The version first: pygls applies a change's text before its version, so a change landing
            # between the two reads pairs new text with the old version, which is refused as stale.
            versions[path] = document.version if document.version is not None else 0
            texts[path] = document.source
            if root is None or root.absolute() not in path.parents:
                extra.append(path)
        paths = tuple([root] if root else []) + tuple(extra)
        return Snapshot(texts, versions, generation, paths)

    def request_analysis(self, delay: float) -> None:
        if self.worker is not None:
            self.worker.request(delay)

    def deliver(self, snapshot: Snapshot, result: AnalysisResult, warnings: list[str]) -> None:
        """Called on the analysis thread: hand over to the event loop."""
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self.publish, snapshot, result, warnings)

    def publish(self, snapshot: Snapshot, result: AnalysisResult, warnings: list[str]) -> None:
        publishing.publish(self, snapshot, result, warnings)

    def end_progress(self, result: AnalysisResult) -> None:
        if self.progress_token is not None:
            self.work_done_progress.end(self.progress_token, types.WorkDoneProgressEnd(
                message=f"{result.files} files, {len(result.findings)} findings"))
            self.progress_token = None

    def push(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=version))
        if diagnostics:
            self.pushed.add(uri)
        else:
            self.pushed.discard(uri)

    def clear_push(self, uri: str) -> None:
        """A file pushed while closed is now open and pulled: clear the pushed copy, or it stays stale."""
        if uri in self.pushed:
            self.push(uri, [], None)

    def refresh_supported(self) -> bool:
        workspace = self.client_capabilities.workspace
        return bool(workspace and workspace.diagnostics and workspace.diagnostics.refresh_support)

    def republish(self) -> None:
        """Settings changed (severities, rule selection): publish every file again."""
        self.published.clear()
        if self.snapshot is not None and self.result is not None:
            self.publish(self.snapshot, self.result, [])

    def edited_since_whole_run(self, uri: str) -> bool:
        document = self.open_document(uri)
        path_text = uris.to_fs_path(uri)
        if document is None or path_text is None or self.snapshot is None:
            return False
        return self.snapshot.versions.get(Path(path_text).absolute()) != document.version

    async def fresh_result(self, uri: str | None = None) -> AnalysisResult | None:
        """Wait for a run that includes every change made so far (for ``uri``: its edited-files run will do)."""
        for _ in range(500):  # a request may arrive before ``initialized`` has started the worker
            if self.worker is not None:
                break
            await asyncio.sleep(0.01)
        if self.worker is None:
            return self.result
        generation = self.worker.edited_generation
        if self.snapshot is not None and self.snapshot.generation >= generation:
            return self.result
        if uri is not None and self.focused.get(uri, (-1,))[0] >= generation:
            return self.result  # a focused run already settled this document's diagnostics
        # No waiting for the debounce: someone wants results now. A document edited since the last
        # whole run is settled by the focused run; any other needs the whole run, without the pause.
        self.worker.request(0, edit=False, whole=uri is None or not self.edited_since_whole_run(uri))
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiters.append((generation, uri, waiter))
        await waiter
        return self.result


server = FlaskscopeServer()


@server.feature(types.INITIALIZE)
def initialize(ls: FlaskscopeServer, params: types.InitializeParams) -> None:
    watch_parent(params.process_id)
    ls.apply_settings(params.initialization_options)
    text_document = params.capabilities.text_document
    if text_document is not None and text_document.diagnostic is not None and ls.settings.pull_diagnostics:
        ls.pull_active = True
        ls.feature(types.TEXT_DOCUMENT_DIAGNOSTIC,
                   types.DiagnosticOptions(identifier="flaskscope", inter_file_dependencies=True,
                                           workspace_diagnostics=False))(pull_diagnostics)


CLIENT_TIMEOUT = 5.0  # seconds to wait for the client's answer to a server request
FIRST_RUN_DELAY = 0.3  # seconds after ``initialized`` before indexing starts without an open file


async def _ask_client(what: str, request: Any) -> Any:
    """Await a server-to-client request; a client that does not answer must not stall us."""
    try:
        return await asyncio.wait_for(request, CLIENT_TIMEOUT)
    except Exception as exc:  # noqa: BLE001 - timeouts and error replies alike: carry on without
        log.warning("%s: no usable answer from the client (%s)", what, exc)
        return None


@server.feature(types.INITIALIZED)
async def initialized(ls: FlaskscopeServer, params: types.InitializedParams) -> None:
    # The worker first, before any await: other handlers may run while we wait for the client.
    ls.loop = asyncio.get_running_loop()
    ls.worker = AnalysisWorker(ls.root, ls.take_snapshot, ls.deliver)
    ls.worker.start()
    # Editors open their files right after ``initialized``: wait a moment so the first run knows
    # them and analyses them first (a didOpen in the meantime starts it at once).
    ls.request_analysis(FIRST_RUN_DELAY)
    capabilities = ls.client_capabilities
    workspace, window = capabilities.workspace, capabilities.window
    if window is not None and window.work_done_progress:
        token = "flaskscope-indexing"
        await _ask_client("window/workDoneProgress/create", ls.work_done_progress.create_async(token))
        if token in ls.work_done_progress.tokens:
            ls.work_done_progress.begin(token, types.WorkDoneProgressBegin(
                title="flaskscope", message="Indexing the workspace", cancellable=False))
            ls.progress_token = token
            if ls.result is not None:  # indexing finished while the client was answering
                ls.end_progress(ls.result)
    if workspace is not None and workspace.configuration:
        config = await _ask_client("workspace/configuration", ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="flaskscope")])))
        if config and config[0] is not None:
            ls.apply_settings(config[0])
            ls.republish()
    watched = workspace.did_change_watched_files if workspace else None
    if watched is not None and watched.dynamic_registration:
        await _ask_client("client/registerCapability", ls.client_register_capability_async(
            types.RegistrationParams(registrations=[types.Registration(
                id="flaskscope-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[types.FileSystemWatcher(glob_pattern="**/*.py")]))])))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FlaskscopeServer, params: types.DidOpenTextDocumentParams) -> None:
    if ls.pull_active:
        ls.clear_push(params.text_document.uri)
    ls.request_analysis(0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FlaskscopeServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.request_analysis(ls.settings.debounce_ms / 1000)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FlaskscopeServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.request_analysis(0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FlaskscopeServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.request_analysis(0)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: FlaskscopeServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.request_analysis(0)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: FlaskscopeServer, params: types.DidChangeConfigurationParams) -> None:
    settings = params.settings.get("flaskscope") if isinstance(params.settings, dict) else None
    workspace = ls.client_capabilities.workspace
    if settings is None and workspace is not None and workspace.configuration:
        config = await _ask_client("workspace/configuration", ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="flaskscope")])))
        settings = config[0] if config else None
    if settings is None:
        return  # nothing said about flaskscope: keep what initializationOptions set
    ls.apply_settings(settings)
    ls.republish()


async def pull_diagnostics(ls: FlaskscopeServer, params: types.DocumentDiagnosticParams
                           ) -> types.FullDocumentDiagnosticReport:
    await ls.fresh_result(params.text_document.uri)
    items = ls.published.get(params.text_document.uri, [])
    generation = ls.snapshot.generation if ls.snapshot else 0
    return types.FullDocumentDiagnosticReport(items=items, result_id=str(generation))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: FlaskscopeServer, params: types.HoverParams) -> types.Hover | None:
    path_text = uris.to_fs_path(params.text_document.uri)
    document = ls.open_document(params.text_document.uri)
    if path_text is None or document is None:
        return None
    position = ls.codec().position_from_client_units(list(document.lines), params.position)
    result = ls.result
    focused = ls.focused.get(params.text_document.uri)
    if focused is not None and focused[1] == document.version and (
            result is None or ls.edited_since_whole_run(params.text_document.uri)):
        result = focused[2]  # the document's focused run published what it shows
    early = ls.early.get(params.text_document.uri)
    if result is None and early is not None and early[0] == document.version:
        result = early[1]  # before the first whole run: the open files' early run published it
    if result is None:
        return None
    markdown = hover_markdown(result, Path(path_text), position.line + 1, position.character, ls.root)
    if markdown is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=markdown))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll], resolve_provider=False))
def code_action(ls: FlaskscopeServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    only = params.context.only
    actions: list[types.CodeAction] = []
    if not only or any(kind.startswith(types.CodeActionKind.QuickFix) for kind in only):
        for diagnostic in params.context.diagnostics:
            if diagnostic.source != convert.SOURCE or not isinstance(diagnostic.data, dict):
                continue
            for fix in diagnostic.data.get("fixes", []):
                actions.append(types.CodeAction(
                    title=f"flaskscope ({diagnostic.code}): {fix['title']}",
                    kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                    edit=convert.workspace_edit(fix["edits"]), is_preferred=bool(fix["preferred"])))
    if not only or any(FIX_ALL_KIND.startswith(kind) for kind in only):
        combined = _fix_all_edits(ls.published.get(params.text_document.uri, []))
        if combined:
            actions.append(types.CodeAction(title="flaskscope: Fix all flaskscope findings in this file",
                                            kind=FIX_ALL_KIND,
                                            edit=convert.workspace_edit(combined)))
    return actions


def _fix_all_edits(diagnostics: list[types.Diagnostic]) -> list[dict[str, Any]]:
    """The preferred safe fix of each diagnostic, skipping any that overlaps one already taken."""
    taken: list[dict[str, Any]] = []

    def span(edit: dict[str, Any]) -> tuple[str, tuple[int, int], tuple[int, int]]:
        rng = edit["range"]
        return (edit["uri"], (rng["start"]["line"], rng["start"]["character"]),
                (rng["end"]["line"], rng["end"]["character"]))

    for diagnostic in diagnostics:
        fixes = diagnostic.data.get("fixes", []) if isinstance(diagnostic.data, dict) else []
        fix = next((f for f in fixes if f["preferred"] and f["safe"]), None)
        if fix is None:
            continue
        spans = [span(e) for e in fix["edits"]]
        if any(u == tu and not (e < ts or te < s) and not (e == ts and s == te)
               for u, s, e in spans for tu, ts, te in map(span, taken)):
            continue
        taken.extend(fix["edits"])
    return taken


@server.feature(types.SHUTDOWN)
def shutdown(ls: FlaskscopeServer, params: None) -> None:
    if ls.worker is not None:
        ls.worker.stop()
