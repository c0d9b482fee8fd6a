"""Hostile workspaces (issue 8: never crash, never lose the user's work), in the CLI and in the server.

Each input is a bad or odd file placed next to the ``thread_config_read`` corpus case, whose
``app/reports.py:5`` finding must survive every one of them. The rule for what is "bad" is Python's:

- a file Python itself cannot compile or read (invalid UTF-8 without a coding declaration, NUL bytes,
  a nesting depth the compiler rejects, an unreadable file, a dangling or looping symlink) gets
  **exactly one** clear warning naming it, and the rest of the workspace is analysed;
- a file Python accepts (a 5 MB module, a 1 MB line, a BOM, an empty module, an import cycle, a
  latin-1 file that declares its coding) is analysed like any other: no warning, and its own
  finding, when it has one, is reported;
- what is not a module at all (a directory named ``x.py``, a directory symlink to its parent) is
  walked past silently and never makes a module appear twice;
- a 2,800-deep chain of additions compiles in CPython but may exhaust a recursive analyser: it is
  either analysed (its finding reported) or warned about exactly once, never silently dropped.

A package named ``flask/`` at the project root: with the root first on ``sys.path`` (``python -m
app``, gunicorn) Python imports it instead of the installed Flask. Under ``flask run``, the usual
way to run such an app, the installed Flask is imported before the project directory is put on
``sys.path``, so it wins. A vendored copy of Flask is Flask either way. In every case the
``current_app`` read in ``app/reports.py`` runs outside an application context, so the sane result
is: the finding is still reported, one warning names the shadowing package (flaskscope treats it as
the library and does not analyse it), and nothing inside a vendored Flask is warned about file by
file (it is valid Python).

The CLI side runs only the inputs ``tests/test_cli.py`` does not already cover; the server side runs
all of them (one session each, over pull diagnostics, with the server log kept for tracebacks).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from lsprotocol import types
from pygls import uris
from pytest_lsp import LanguageClient

from lsp_support import TIMEOUT, copy_case, open_file, start
from session_support import hover, internal_errors, logged_session, pull, server_alive

GOOD = ("app/reports.py", 5, "FCX101")  # thread_config_read's own finding

BUGGY = """\
import threading
from flask import current_app


def {name}():
    print(current_app.config["X"])


threading.Thread(target={name}).start()
"""
BUGGY_LINE = 6  # the ``current_app`` line of BUGGY


@dataclass(frozen=True)
class Hostile:
    name: str
    build: Callable[[Path], None]  # writes the input into the copied ``project`` directory
    warned: tuple[str, ...] = ()  # files Python cannot use: exactly one warning each
    findings: frozenset[tuple[str, int, str]] = frozenset()  # findings besides GOOD
    tolerated: tuple[str, ...] = ()  # files that may get (at most) one warning, or none
    either: str | None = None  # this file is either analysed (its findings reported) or warned about once
    in_test_cli: bool = False  # tests/test_cli.py already runs this input through ``flaskscope check``
    open_in_editor: str | None = None  # a decodable input the server session also opens as a document


# ----------------------------------------------------------------------------------------- builders
def _filler_chunks() -> list[str]:
    """~13,000 functions of 6 lines (a docstring makes up most of each), 5 MB in all."""
    chunks: list[str] = []
    size = 0
    doc = "Generated filler: a docstring of some length so the module is big. " * 4
    while size < 5_000_000:
        number = len(chunks)
        chunks.append(f'def f{number}(a, b):\n    """{doc}"""\n    c = a + b * {number}\n'
                      f"    return g{number}(c) if c > {number} else [item for item in range(a)]\n\n\n")
        size += len(chunks[-1])
    return chunks


FILLER = _filler_chunks()  # 6 lines each
BIG_FINDING_LINE = 6 * len(FILLER) + BUGGY_LINE


def big_module(project: Path) -> None:
    """5 MB of valid functions, then a real finding at the very end."""
    (project / "app" / "big.py").write_text("".join(FILLER) + BUGGY.format(name="big_job"))


def long_line(project: Path) -> None:
    """A 1 MB line holding the finding near its end (column ~1,000,000)."""
    literal = "1, " * 333_334
    (project / "app" / "long.py").write_text(
        "import threading\nfrom flask import current_app\n\n\n"
        f"def long_job(): return [{literal}current_app.config['X']]\n\n\n"
        "threading.Thread(target=long_job).start()\n")


def deep_parens(project: Path) -> None:
    (project / "app" / "deep.py").write_text("x = " + "(" * 10_000 + "1" + ")" * 10_000 + "\n")


def deep_binop(project: Path) -> None:
    """``1 + 1 + ...``: no brackets, but a BinOp tree 10,000 deep (the compiler gives up: RecursionError)."""
    (project / "app" / "deep.py").write_text("x = " + " + ".join(["1"] * 10_000) + "\n")


def deep_unary(project: Path) -> None:
    """``not not ... 1`` 10,000 deep (the compiler gives up: MemoryError with an empty message)."""
    (project / "app" / "deep.py").write_text("x = " + "not " * 10_000 + "1\n")


def deep_but_legal(project: Path) -> None:
    """2,800 chained additions inside a buggy function: Python compiles and runs this."""
    (project / "app" / "deep.py").write_text(
        BUGGY.format(name="deep_job").replace('current_app.config["X"]', 'current_app.config["X"]' + " + 1" * 2_800))


def non_utf8(project: Path) -> None:
    (project / "app" / "latin1.py").write_bytes(b"name = '\xe9t\xe9'\n" + BUGGY.format(name="latin_job").encode())


def latin1_declared(project: Path) -> None:
    """Latin-1 bytes under a PEP 263 coding declaration: valid Python."""
    source = "# -*- coding: latin-1 -*-\nNAME = 'été'\n" + BUGGY.format(name="declared_job")
    (project / "app" / "declared.py").write_bytes(source.encode("latin-1"))


def non_text_coding(project: Path) -> None:
    """``coding: rot13`` names a codec, but not a text encoding: Python refuses the file."""
    (project / "app" / "rot.py").write_text("# -*- coding: rot13 -*-\nk = 1\n")


def bom(project: Path) -> None:
    (project / "app" / "bom.py").write_bytes(b"\xef\xbb\xbf" + BUGGY.format(name="bom_job").encode())


def nul_bytes(project: Path) -> None:
    (project / "app" / "nul.py").write_bytes(b"x = 1\x00\n" + BUGGY.format(name="nul_job").encode())


def empty(project: Path) -> None:
    (project / "app" / "empty.py").write_text("")


def directory_named_py(project: Path) -> None:
    """``app/x.py/`` is a directory (with an ``__init__.py``: still no importable name)."""
    (project / "app" / "x.py").mkdir()
    (project / "app" / "x.py" / "__init__.py").write_text("import threading\n")


def unreadable_io_error(project: Path) -> None:
    """A file whose read fails even for root: a link to this very process's ``/proc/self/mem`` (EIO at offset 0)."""
    (project / "app" / "memory.py").symlink_to("/proc/self/mem")


def unreadable(project: Path) -> None:
    secret = project / "app" / "secret.py"
    secret.write_text(BUGGY.format(name="secret_job"))
    secret.chmod(0)


def dangling_symlink(project: Path) -> None:
    (project / "app" / "dangling.py").symlink_to(project / "app" / "missing.py")


def symlink_loop(project: Path) -> None:
    (project / "app" / "loop_a.py").symlink_to(project / "app" / "loop_b.py")
    (project / "app" / "loop_b.py").symlink_to(project / "app" / "loop_a.py")


def symlink_to_parent(project: Path) -> None:
    """``app/parent -> ..`` and ``app/self -> .``: following either would walk the project forever."""
    (project / "app" / "parent").symlink_to("..", target_is_directory=True)
    (project / "app" / "self").symlink_to(".", target_is_directory=True)


def import_cycle(project: Path) -> None:
    """``ca`` imports ``cb`` imports ``ca``; the finding is reached through the cycle."""
    (project / "app" / "ca.py").write_text(
        "import threading\n\nfrom app import cb\n\n\ndef helper():\n    return cb.read()\n\n\n"
        "def start():\n    threading.Thread(target=helper).start()\n")
    (project / "app" / "cb.py").write_text(
        "from flask import current_app\n\nfrom app import ca\n\n\ndef read():\n    return current_app.config['X']\n\n\n"
        "def again():\n    return ca.helper()\n")


def star_cycle(project: Path) -> None:
    (project / "app" / "sa.py").write_text("from app.sb import *\n\n\ndef from_a():\n    return from_b()\n")
    (project / "app" / "sb.py").write_text("from app.sa import *\n\n\ndef from_b():\n    return from_a()\n")


def flask_stub(project: Path) -> None:
    """A workspace package named ``flask`` that is not Flask (say, the team's deployment helpers)."""
    (project / "flask").mkdir()
    (project / "flask" / "__init__.py").write_text('"""Deployment helpers."""\n\nDEPLOY_TARGET = "prod"\n')


def flask_vendored(project: Path) -> None:
    """A vendored copy of the installed Flask, at the project root."""
    import flask

    shutil.copytree(Path(flask.__file__).parent, project / "flask", ignore=shutil.ignore_patterns("__pycache__"))


def _buggy_finding(path: str) -> frozenset[tuple[str, int, str]]:
    return frozenset({(path, BUGGY_LINE, "FCX101")})


INPUTS = [
    Hostile("big_module_5mb", big_module, findings=frozenset({("app/big.py", BIG_FINDING_LINE, "FCX101")}),
            open_in_editor="app/big.py"),
    Hostile("long_line_1mb", long_line, findings=frozenset({("app/long.py", 5, "FCX101")}),
            open_in_editor="app/long.py"),
    Hostile("deep_parens_10000", deep_parens, warned=("app/deep.py",), in_test_cli=True, open_in_editor="app/deep.py"),
    Hostile("deep_binop_10000", deep_binop, warned=("app/deep.py",), open_in_editor="app/deep.py"),
    Hostile("deep_unary_10000", deep_unary, warned=("app/deep.py",), open_in_editor="app/deep.py"),
    Hostile("deep_but_legal_2800", deep_but_legal, either="app/deep.py",
            findings=_buggy_finding("app/deep.py"), open_in_editor="app/deep.py"),
    Hostile("non_utf8", non_utf8, warned=("app/latin1.py",), in_test_cli=True),
    Hostile("latin1_with_coding_declaration", latin1_declared,
            findings=frozenset({("app/declared.py", 2 + BUGGY_LINE, "FCX101")})),
    Hostile("bom", bom, findings=_buggy_finding("app/bom.py"), in_test_cli=True, open_in_editor="app/bom.py"),
    Hostile("nul_bytes", nul_bytes, warned=("app/nul.py",), in_test_cli=True, open_in_editor="app/nul.py"),
    Hostile("empty_file", empty, in_test_cli=True, open_in_editor="app/empty.py"),
    Hostile("directory_named_x_py", directory_named_py, in_test_cli=True),
    Hostile("unreadable_chmod_000", unreadable, warned=("app/secret.py",)),
    Hostile("unreadable_io_error", unreadable_io_error, warned=("app/memory.py",)),
    Hostile("non_text_coding_declaration", non_text_coding, warned=("app/rot.py",)),
    Hostile("dangling_symlink", dangling_symlink, warned=("app/dangling.py",), in_test_cli=True),
    Hostile("symlink_loop", symlink_loop, warned=("app/loop_a.py", "app/loop_b.py")),
    Hostile("directory_symlink_to_parent", symlink_to_parent),
    Hostile("import_cycle", import_cycle, findings=frozenset({("app/cb.py", 7, "FCX101")}),
            open_in_editor="app/ca.py"),
    Hostile("star_import_cycle", star_cycle, in_test_cli=True, open_in_editor="app/sa.py"),
    Hostile("flask_package_stub_shadows_flask", flask_stub, tolerated=("flask/__init__.py",)),
    Hostile("flask_vendored_copy_shadows_flask", flask_vendored, tolerated=("flask/__init__.py",)),
]
IDS = [case.name for case in INPUTS]
assert len(set(IDS)) == len(IDS)


def build(case: Hostile, tmp_path: Path) -> Path:
    project = copy_case("thread_config_read", tmp_path) / "project"
    case.build(project)
    if case.name == "unreadable_chmod_000" and os.access(project / "app" / "secret.py", os.R_OK):
        pytest.skip("chmod 000 does not make the file unreadable here (running as root)")
    return project


# ------------------------------------------------------------------------------- warnings, checked
WARNING_PREFIX = re.compile(r"^flaskscope: (?:warning: )?")


def subject(warning: str) -> str | None:
    """The path a warning is about (its first field), without a ``:line`` suffix."""
    match = re.match(r"(.+?\.py)(?::\d+)?: ", WARNING_PREFIX.sub("", warning))
    return match.group(1) if match else None


def is_about(warning: str, relative: str) -> bool:
    path = subject(warning)
    return path is not None and (path == relative or path.endswith("/" + relative))


def unclear(warning: str) -> bool:
    """A warning whose reason is missing or an exception name with an empty message."""
    reason = WARNING_PREFIX.sub("", warning).split(": ", 1)[-1]
    return len(reason) < 10 or re.search(r"\b\w+(Error|Exception): \)", reason) is not None


def check_warnings(case: Hostile, warnings: list[str], found: set[tuple[str, int, str]]) -> None:
    for relative in case.warned:
        about = [w for w in warnings if is_about(w, relative)]
        assert len(about) == 1, f"{relative}: expected exactly one warning, got {about}"
        assert not unclear(about[0]), f"unclear warning: {about[0]!r}"
    for relative in case.tolerated:
        assert sum(is_about(w, relative) for w in warnings) <= 1, warnings
    if case.either is not None:
        about = [w for w in warnings if is_about(w, case.either)]
        analysed = {f for f in case.findings if f[0] == case.either} <= found
        assert (len(about) == 1 and not unclear(about[0])) != analysed, \
            f"{case.either}: neither analysed nor warned about exactly once ({about})"
    allowed = (*case.warned, *case.tolerated, *([case.either] if case.either else []))
    stray = [w for w in warnings if not any(is_about(w, relative) for relative in allowed)]
    assert stray == [], f"warnings about inputs that Python accepts: {stray}"


def expected_findings(case: Hostile, warnings: list[str]) -> set[tuple[str, int, str]]:
    expected = {GOOD, *case.findings}
    if case.either is not None and any(is_about(w, case.either) for w in warnings):
        expected = {f for f in expected if f[0] != case.either}  # warned about instead of analysed
    return expected


# ------------------------------------------------------------------------------------------- CLI
CLI_INPUTS = [case for case in INPUTS if not case.in_test_cli]


@pytest.mark.parametrize("case", CLI_INPUTS, ids=[case.name for case in CLI_INPUTS])
def test_cli_survives_hostile_input(case: Hostile, tmp_path: Path) -> None:
    project = build(case, tmp_path)
    proc = subprocess.run([sys.executable, "-m", "flaskscope", "check", "--format", "json", "."], cwd=project,
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-3000:])  # GOOD is always there: 1, never 0 or 2
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("flaskscope: warning:")]
    found = {(d["path"], d["line"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]}
    check_warnings(case, warnings, found)
    assert found == expected_findings(case, warnings)


def test_cli_stdout_closed_early(tmp_path: Path) -> None:
    """``flaskscope check | head -0``: the reader is gone before the report is written. A quiet
    exit (no traceback, no "internal error"), and never 0: the findings were not delivered."""
    project = copy_case("thread_config_read", tmp_path) / "project"
    process = subprocess.Popen([sys.executable, "-m", "flaskscope", "check", "--format", "json", "."], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) != 0
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr


# ---------------------------------------------------------------------------------------- server
def _warnings_from(client: LanguageClient) -> list[str]:
    shown = [m.message for m in client.messages]
    logged = [m.message for m in client.log_messages
              if m.type in (types.MessageType.Warning, types.MessageType.Error)]
    return [text for text in shown + logged if text.startswith("flaskscope")]


async def _served(client: LanguageClient, project: Path, files: set[str]) -> set[tuple[str, int, str]]:
    """Pulled diagnostics of ``files`` plus whatever was pushed for other (closed) files."""
    found = set()
    for relative in sorted(files):
        for diagnostic in await pull(client, (project / relative).as_uri()):
            found.add((relative, diagnostic.range.start.line + 1, str(diagnostic.code)))
    for uri, diagnostics in client.diagnostics.items():
        path = Path(uris.to_fs_path(uri) or uri)
        relative = path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)
        if relative not in files:
            found.update((relative, d.range.start.line + 1, str(d.code)) for d in diagnostics)
    return found


@pytest.mark.parametrize("case", INPUTS, ids=IDS)
async def test_server_survives_hostile_input(case: Hostile, tmp_path: Path) -> None:
    project = build(case, tmp_path)
    log = tmp_path / "server.log"
    async with logged_session(log) as client:
        await _server_session(case, project, client)
    assert internal_errors(log) == [], "\n".join(internal_errors(log))


async def _server_session(case: Hostile, project: Path, client: LanguageClient) -> None:
    await asyncio.wait_for(start(client, project, "neovim"), TIMEOUT)  # Neovim 0.11 pulls: after the full run
    reports = open_file(client, project / "app" / "reports.py")
    files = {GOOD[0], *(f[0] for f in case.findings)}
    found = await _served(client, project, files)
    warnings = _warnings_from(client)
    check_warnings(case, warnings, found)
    assert found == expected_findings(case, warnings)
    answer = await hover(client, reports, GOOD[1] - 1, 20)
    assert answer is not None and isinstance(answer.contents, types.MarkupContent)
    assert "FCX101" in answer.contents.value

    if case.open_in_editor is not None:  # the user opens the bad file too: its text now comes from the editor
        path = project / case.open_in_editor
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
            path.as_uri(), "python", 1, path.read_bytes().decode("utf-8-sig"))))
        again = await _served(client, project, files | {case.open_in_editor})
        answer = await hover(client, path.as_uri(), 0, 0)
        assert answer is None or isinstance(answer, types.Hover)
        check_warnings(case, _warnings_from(client), again)  # the same problem is not reported a second time
        assert again == expected_findings(case, _warnings_from(client))

    assert server_alive(client)
