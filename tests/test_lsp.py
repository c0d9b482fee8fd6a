"""The language server, end to end: the real ``flaskscope server`` process over stdio (pytest-lsp),
with VS Code's and Neovim's client capabilities."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_support import change, copy_case, open_file, start, wait_for, wait_for_diagnostics


async def test_diagnostic_content(client: LanguageClient, tmp_path: Path) -> None:
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project)
    uri = open_file(client, project / "app" / "reports.py")
    [diagnostic] = await wait_for_diagnostics(client, uri)
    assert diagnostic.range == types.Range(types.Position(4, 16), types.Position(4, 27))
    assert diagnostic.code == "FCX101" and diagnostic.source == "flaskscope"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.code_description is not None and diagnostic.code_description.href.endswith("FCX101.md")
    assert diagnostic.message == ("`current_app` needs an application context: "
                                  "this runs in a thread started at app/views.py:12")
    related = diagnostic.related_information or []
    assert [(r.location.uri.rsplit("/", 1)[-1], r.location.range.start.line)
            for r in related] == [("views.py", 11), ("reports.py", 9), ("reports.py", 4)]
    assert related[0].location.range.start.character == 4  # the statement, after its indentation
    fixes = diagnostic.data["fixes"]
    assert sum(fix["preferred"] for fix in fixes) == 1


async def test_editing_the_caller_republishes_the_callees_file(client: LanguageClient, tmp_path: Path) -> None:
    """The sink is in reports.py, the thread in views.py: editing views.py changes reports.py's diagnostics."""
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project)
    reports_uri = open_file(client, project / "app" / "reports.py")
    views = project / "app" / "views.py"
    views_uri = open_file(client, views)
    assert len(await wait_for_diagnostics(client, reports_uri)) == 1
    synchronous = views.read_text().replace("thread = threading.Thread(target=send_report)", "send_report()")
    synchronous = synchronous.replace("    thread.start()\n", "")
    change(client, views_uri, 2, synchronous)
    while client.diagnostics.get(reports_uri):
        await wait_for(client, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert not client.diagnostics[reports_uri]
    change(client, views_uri, 3, views.read_text())  # undo: the finding comes back
    while not client.diagnostics.get(reports_uri):
        await wait_for(client, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert client.diagnostics[reports_uri][0].code == "FCX101"


@pytest.mark.parametrize(("editor", "character"), [("visual-studio-code", 29), ("neovim", 32)])
async def test_columns_follow_the_negotiated_encoding(client: LanguageClient, tmp_path: Path, editor: str,
                                                      character: int) -> None:
    """After ``'🐍é'`` the sink starts at UTF-16 column 29 and UTF-8 column 32 (code point 28)."""
    (tmp_path / "app.py").write_text("from flask import current_app\n\n"
                                     "label = '🐍é' + '-----'; x = current_app.name\n", encoding="utf-8")
    result = await start(client, tmp_path, editor)
    expected = "utf-16" if editor == "visual-studio-code" else "utf-8"
    assert result.capabilities.position_encoding in (expected, None)
    uri = open_file(client, tmp_path / "app.py")
    if editor == "neovim":  # Neovim 0.11 pulls the diagnostics of open documents
        report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri)))
        [diagnostic] = report.items
    else:
        [diagnostic] = await wait_for_diagnostics(client, uri)
    assert diagnostic.range.start == types.Position(2, character)


async def test_hover_on_sink_root_and_elsewhere(client: LanguageClient, tmp_path: Path) -> None:
    project = copy_case("thread_config_read", tmp_path) / "project"
    (project / "app" / "extra.py").write_text(
        "from flask import Blueprint, current_app\n\nbp2 = Blueprint('x', __name__)\n\n\n"
        "@bp2.route('/name')\ndef name():\n    return current_app.name\n")
    await start(client, project)
    uri = open_file(client, project / "app" / "reports.py")
    await wait_for_diagnostics(client, uri)

    async def hover(file: Path, line: int, character: int) -> str:
        file_uri = open_file(client, file) if file.as_uri() != uri else uri
        answer = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(file_uri), types.Position(line, character)))
        assert answer is not None and isinstance(answer.contents, types.MarkupContent)
        return answer.contents.value

    on_sink = await hover(project / "app" / "reports.py", 4, 20)
    assert "FCX101" in on_sink and "app/views.py:12" in on_sink and "Fix:" in on_sink
    assert "**Why:** A new thread starts with empty context stacks" in on_sink
    assert "this runs in a thread started at" not in on_sink  # the diagnostic's own sentence, shown beside it
    on_root = await hover(project / "app" / "views.py", 11, 10)
    assert "Entry point" in on_root and "a thread" in on_root and "current_app" in on_root
    elsewhere = await hover(project / "app" / "extra.py", 7, 12)
    assert "inside a view, where Flask provides one" in elsewhere


async def test_invalid_settings_are_reported_and_defaults_used(client: LanguageClient, tmp_path: Path) -> None:
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project, options={"select": "FCX101", "severity": {"FCX101": "loud"}, "bogus": 1})
    uri = open_file(client, project / "app" / "reports.py")
    [diagnostic] = await wait_for_diagnostics(client, uri)
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    logged = "\n".join(m.message for m in client.log_messages)
    assert "flaskscope.select" in logged and "flaskscope.severity" in logged and "flaskscope.bogus" in logged


async def test_severity_and_ignore_settings(client: LanguageClient, tmp_path: Path) -> None:
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project, options={"severity": {"FCX101": "warning"}})
    uri = open_file(client, project / "app" / "reports.py")
    [diagnostic] = await wait_for_diagnostics(client, uri)
    assert diagnostic.severity == types.DiagnosticSeverity.Warning


async def test_select_and_ignore_take_prefixes_and_info_severity_as_the_cli_does(client: LanguageClient,
                                                                                  tmp_path: Path) -> None:
    """The same codes-or-prefixes and the same severity words as ``[tool.flaskscope]``."""
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project, options={"select": ["FCX1"], "ignore": ["FCX105"], "severity": {"FCX101": "info"}})
    uri = open_file(client, project / "app" / "reports.py")
    [diagnostic] = await wait_for_diagnostics(client, uri)
    assert diagnostic.severity == types.DiagnosticSeverity.Information
    assert not any("flaskscope." in m.message for m in client.log_messages)  # nothing was rejected


def test_editor_settings_and_the_cli_configuration_select_rules_alike() -> None:
    from flaskscope.config import Config
    from flaskscope.lsp.settings import parse_settings

    settings, problems = parse_settings({"select": ["FCX1"], "ignore": ["FCX10"],
                                         "severity": {"FCX104": "information"}})
    config = Config(select=("FCX1",), ignore=("FCX10",))
    assert problems == [] and settings.severity == {"FCX104": "info"}
    for code in ("FCX101", "FCX104", "FCX105", "FCX111"):
        assert settings.enabled(code) == config.rule_enabled(code)
    assert settings.enabled("FCX111") and not settings.enabled("FCX101")


async def test_syntax_error_mid_edit_keeps_serving(client: LanguageClient, tmp_path: Path) -> None:
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project)
    uri = open_file(client, project / "app" / "reports.py")
    await wait_for_diagnostics(client, uri)
    change(client, uri, 2, "def broken(:\n")
    answer = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(0, 0)))
    assert answer is None or isinstance(answer, types.Hover)
    views = open_file(client, project / "app" / "views.py")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(views), types.Range(types.Position(0, 0), types.Position(0, 0)),
        types.CodeActionContext(diagnostics=[])))
    assert actions is not None


async def test_last_good_analysis_is_kept_while_a_file_does_not_parse(client: LanguageClient, tmp_path: Path) -> None:
    """Half-typed code: results of the last version that parsed, moved onto unchanged lines only."""
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project, "neovim")
    reports, views = project / "app" / "reports.py", project / "app" / "views.py"
    reports_uri, views_uri = open_file(client, reports), open_file(client, views)
    original = reports.read_text(encoding="utf-8")

    async def pulled() -> list[tuple[int, str, int]]:
        report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(reports_uri)))
        return [(d.range.start.line + 1, str(d.code), len(d.data["fixes"]) if d.data else 0) for d in report.items]

    [(line, code, fixes)] = await pulled()
    assert (line, code) == (5, "FCX101") and fixes > 0
    change(client, reports_uri, 2, "\n\n\n" + original + "def half(:\n")  # moved down, and broken
    assert await pulled() == [(8, "FCX101", 0)]  # kept, moved; fixes dropped (computed for older text)
    change(client, reports_uri, 3, original.replace('["REPORT_RECIPIENT"]', '["REPORT_RECIP') + "def half(:\n")
    assert await pulled() == []  # that line changed: its result is not shown on text it no longer describes
    change(client, reports_uri, 4, original)
    assert await pulled() == [(5, "FCX101", fixes)]
    views_text = views.read_text(encoding="utf-8")
    change(client, views_uri, 2, views_text + "\nwith open(\n")  # the root's file breaks: the callee keeps its finding
    [(line, code, kept)] = await pulled()
    assert (line, code) == (5, "FCX101") and kept < fixes  # the fixes editing views.py are gone
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(views_uri), types.Position(13, 4)))
    assert hover is None or isinstance(hover, types.Hover)


async def test_indexing_reports_progress(client: LanguageClient, tmp_path: Path) -> None:
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project)
    uri = open_file(client, project / "app" / "reports.py")
    await wait_for_diagnostics(client, uri)
    while not any(isinstance(r, types.WorkDoneProgressEnd) for reports in client.progress_reports.values()
                  for r in reports):
        await wait_for(client, types.PROGRESS)
    [reports] = client.progress_reports.values()
    assert isinstance(reports[0], types.WorkDoneProgressBegin) and isinstance(reports[-1], types.WorkDoneProgressEnd)


async def test_files_changed_on_disk_are_reindexed(client: LanguageClient, tmp_path: Path) -> None:
    """views.py is not open: rewriting it on disk and notifying the server changes reports.py's diagnostics."""
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project)
    reports_uri = open_file(client, project / "app" / "reports.py")
    assert await wait_for_diagnostics(client, reports_uri)
    views = project / "app" / "views.py"
    views.write_text(views.read_text().replace("threading.Thread(target=send_report)", "threading.Thread()"))
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=views.as_uri(), type=types.FileChangeType.Changed)]))
    while client.diagnostics.get(reports_uri):
        await wait_for(client, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert not client.diagnostics[reports_uri]


async def test_fix_all_source_action(client: LanguageClient, tmp_path: Path) -> None:
    project = copy_case("guards_look_alike", tmp_path) / "project"
    await start(client, project)
    uri = open_file(client, project / "orders" / "context_info.py")
    diagnostics = await wait_for_diagnostics(client, uri)
    assert len(diagnostics) == 4
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), types.Range(types.Position(0, 0), types.Position(0, 0)),
        types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    fix_all = [a for a in actions or [] if isinstance(a, types.CodeAction)]
    assert [a.kind for a in fix_all] == ["source.fixAll.flaskscope"]
    assert fix_all[0].edit is not None and fix_all[0].edit.changes


async def test_pulling_clients_get_each_finding_once(client: LanguageClient, tmp_path: Path) -> None:
    """With pull, open documents are not pushed (no duplicates); a file pushed while closed is cleared on open."""
    project = copy_case("thread_config_read", tmp_path) / "project"
    await start(client, project, "neovim")
    views = project / "app" / "views.py"
    views_uri = open_file(client, views)
    await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(views_uri)))  # indexing done: reports.py was pushed (closed)
    reports_uri = (project / "app" / "reports.py").as_uri()
    assert [d.code for d in client.diagnostics.get(reports_uri, [])] == ["FCX101"]
    open_file(client, project / "app" / "reports.py")
    pulled = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(reports_uri)))
    assert [d.code for d in pulled.items] == ["FCX101"]
    assert not client.diagnostics[reports_uri]  # the pushed copy was cleared: shown once, by pull
    change(client, views_uri, 2, views.read_text().replace("target=send_report", "target=print"))
    pulled = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(reports_uri)))
    assert not pulled.items


async def test_open_files_get_results_before_indexing_ends(client: LanguageClient, tmp_path: Path) -> None:
    """A big workspace: the open file's findings are published before the workspace is indexed."""
    (tmp_path / "jobs.py").write_text(
        "import threading\nfrom flask import current_app\n\n\ndef job():\n    print(current_app.name)\n\n\n"
        "threading.Thread(target=job).start()\n")
    filler = tmp_path / "filler"
    filler.mkdir()
    for number in range(1500):
        (filler / f"m{number}.py").write_text(
            "".join(f"def f{k}(x):\n    return [y * {k} for y in range(x) if y % 3]\n\n\n" for k in range(12)))
    await start(client, tmp_path)
    uri = open_file(client, tmp_path / "jobs.py")  # as editors do: right after initialized
    [diagnostic] = await wait_for_diagnostics(client, uri)
    assert diagnostic.code == "FCX101"
    ended = [r for reports in client.progress_reports.values() for r in reports
             if isinstance(r, types.WorkDoneProgressEnd)]
    assert not ended, "the open file waited for the whole workspace"


async def test_a_workspace_whose_path_needs_quoting_in_uris(client: LanguageClient, tmp_path: Path) -> None:
    """Clients quote ``+`` and spaces in URIs, pygls keys open documents unquoted: an edited file
    there must still be found open (its hover explained, its edit answered by the focused run)."""
    project = copy_case("thread_config_read", tmp_path / "my reports+2024") / "project"
    await start(client, project)
    reports = project / "app" / "reports.py"
    uri = open_file(client, reports)
    assert "%2B" in uri and "%20" in uri
    await wait_for_diagnostics(client, uri)
    change(client, uri, 2, reports.read_text(encoding="utf-8") + "\n\ndef unused():\n    return 1\n")
    while client.diagnostics.get(uri) is None or client.diagnostics[uri] == []:
        await wait_for(client, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    answer = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(4, 20)))
    assert answer is not None and isinstance(answer.contents, types.MarkupContent)
    assert "FCX101" in answer.contents.value and "app/views.py:12" in answer.contents.value
