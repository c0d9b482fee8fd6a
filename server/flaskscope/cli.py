"""``flaskscope`` command line: ``check``, ``rule`` and ``server``.

Exit status of ``check``: 0 nothing found, 1 findings (or unused suppressions when asked), 2 usage,
configuration or internal error.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from flaskscope import __version__

if TYPE_CHECKING:
    from flaskscope.cache.store import ResultStore
    from flaskscope.config import Config
    from flaskscope.result import AnalysisResult

FORMATS = ("text", "json", "sarif", "github")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flaskscope", description=(
        "Find Flask code that will raise 'Working outside of application/request context' before it runs."))
    parser.add_argument("--version", action="version", version=f"flaskscope {__version__}")
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("check", help="analyse files or directories")
    check.add_argument("paths", nargs="*", type=Path, default=[Path(".")], help="files or directories (default: .)")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--output-file", "-o", type=Path, help="write the report there instead of stdout")
    check.add_argument("--config", type=Path, help="a pyproject.toml or flaskscope.toml (default: found upwards)")
    check.add_argument("--fix", action="store_true", help="apply the preferred fix of every finding (safe ones)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix, also apply fixes marked as guesses")
    check.add_argument("--diff", action="store_true", help="print the fixes as a diff instead of writing them")
    check.add_argument("--show-fixes", action="store_true",
                       help="with --format json, give each diagnostic every fix offered for it, with its edits")
    check.add_argument("--add-noqa", action="store_true", help="add `# noqa: CODE` to every finding's line")
    check.add_argument("--unused-suppressions", action="store_true",
                       help="report flaskscope suppressions that silence nothing")
    check.add_argument("--statistics", action="store_true", help="count findings per rule and analysis gaps per kind")
    check.add_argument("--show-gaps", action="store_true",
                       help="list the analysis gaps: sinks reached only on paths the analysis cannot be sure of")
    check.add_argument("--quiet", "-q", action="store_true", help="findings only: no chains, no summary")
    check.add_argument("--no-jedi", action="store_true", help="resolve with the indexes only (faster, less complete)")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    check.add_argument("--cache-dir", type=Path, metavar="DIR",
                       help="where the result cache lives (default: .flaskscope_cache next to the configuration "
                            "file, or in the common directory of the paths)")
    rule = commands.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("code", nargs="?", help="a rule code, e.g. FCX101")
    rule.add_argument("--all", action="store_true", help="list every rule")
    rule.add_argument("--write-docs", type=Path, metavar="DIR", help="write docs/rules/<CODE>.md pages")
    serve = commands.add_parser("server", help="run the language server (stdio by default)")
    serve.add_argument("--stdio", action="store_true", help="use stdio (the default; accepted for editors)")
    serve.add_argument("--tcp", action="store_true", help="listen on TCP instead, for debugging")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=2087)
    serve.add_argument("--log-file", type=Path, help="write the log there instead of stderr")
    serve.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    return parser


def _warn(message: str) -> None:
    print(f"flaskscope: warning: {message}", file=sys.stderr)


def _terminal_progress(quiet: bool) -> Callable[[int, int], None] | None:
    """A one-line progress counter on stderr, only on a terminal and for projects worth waiting on."""
    if quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 200 and (done % 50 == 0 or done == total):
            end = "\n" if done == total else ""
            print(f"\rflaskscope: indexing {done}/{total} files", end=end, file=sys.stderr, flush=True)

    return show


def _result_store(args: argparse.Namespace, config: Config) -> ResultStore | None:
    from flaskscope.cache.store import CACHE_DIR_NAME, ResultStore
    from flaskscope.index.discovery import common_root

    if args.no_cache:
        return None
    if args.cache_dir is not None:
        return ResultStore(args.cache_dir)
    base = config.base if config.path is not None else common_root(list(args.paths))
    return ResultStore(base / CACHE_DIR_NAME)


# The last check's engine, referenced from the module until the process ends: ``entry`` exits without
# freeing it. Held by ``args`` (a local of ``main``) it was freed when ``main`` returned, millions of
# objects one by one: 0.5 s of a 6 s check of 200k lines. One slot, so in-process callers do not pile up.
_RETAINED: dict[str, object] = {}


def _check(args: argparse.Namespace, paths: list[Path], config: Config) -> AnalysisResult:
    """The analysis of ``paths``, from the result cache when nothing changed (the engine is imported only if not)."""
    from flaskscope.cache.checked import cached_check
    from flaskscope.index.discovery import SourceFile, common_root

    root = common_root(paths)

    def run(files: list[SourceFile] | None, contents: dict[Path, bytes | None] | None,
            warn: Callable[[str], None]) -> AnalysisResult:
        from flaskscope.analysis import Analyzer, FixPlanner

        planner: FixPlanner | None = None
        if args.show_fixes:  # only then pay for importing the planner
            from flaskscope.fixes.plan import planner
        analyzer = Analyzer(root, not args.no_jedi, planner, config, _terminal_progress(args.quiet),
                            keep_for_focused_runs=False)
        _RETAINED["analyzer"] = analyzer  # see _RETAINED
        analyzer.measure_resolution = args.statistics
        return analyzer.run(paths, warn, files=files, contents=contents)

    store = _result_store(args, config)
    if store is None or args.show_fixes or args.statistics:  # cached results hold no fix plans or measures
        return run(None, None, _warn)
    return cached_check(store, root, paths, _warn, config, [not args.no_jedi, False], run)


def run_check(args: argparse.Namespace) -> int:
    from flaskscope.config import ConfigError, find_config, load_config
    from flaskscope.index.discovery import common_root
    from flaskscope.report import gaps as gap_report
    from flaskscope.report import github, json_report, sarif, text_report

    try:
        config = load_config(args.config if args.config else find_config(common_root(list(args.paths))))
    except ConfigError as exc:
        print(f"flaskscope: error: {exc}", file=sys.stderr)
        return 2
    paths = list(args.paths)
    if args.fix or args.diff:
        from flaskscope.fixes.apply import fix_all
        from flaskscope.source import write_source

        diffs: list[str] = []

        def write(path: Path, old: str, new: str) -> None:
            if args.diff:
                diffs.append("".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                          f"a/{path}", f"b/{path}")))
            else:
                write_source(path, new)

        result, applied = fix_all(paths, _warn, args.unsafe_fixes or False, write, config, dry_run=args.diff)
        if args.diff:
            sys.stdout.write("".join(diffs))
            return 1 if diffs else 0
        print(f"Applied {applied} fix{'es' if applied != 1 else ''}.", file=sys.stderr)
    else:
        result = _check(args, paths, config)
    if args.add_noqa:
        from flaskscope.fixes.noqa import add_noqa

        added = add_noqa(result.findings)
        print(f"Added {added} suppression{'s' if added != 1 else ''}.", file=sys.stderr)
        return 0
    findings = result.findings
    if args.format == "json":
        report = json_report.render(findings, config, with_fixes=args.show_fixes)
    elif args.format == "sarif":
        report = sarif.render(findings, config)
    elif args.format == "github":
        report = github.render(findings, config)
    else:
        report = text_report.render(findings, result.files, args.quiet)
    if args.statistics and args.format == "text":
        counts: dict[str, int] = {}
        for finding in findings:
            counts[finding.code] = counts.get(finding.code, 0) + 1
        report += "".join(f"\n{count:5d}  {code}" for code, count in sorted(counts.items()))
        report += gap_report.render_statistics(result.gaps)
        if result.resolution is not None:
            report += gap_report.render_resolution(result.resolution)
        if result.jedi is not None:
            report += gap_report.render_jedi(result.jedi)
    elif args.statistics and args.format == "json" and result.resolution is not None:
        report = json_report.with_key(report, "resolution", result.resolution)
        if result.jedi is not None:
            report = json_report.with_key(report, "jedi", result.jedi.as_data())
    if args.show_gaps:
        if args.format == "json":
            report = json_report.with_key(report, "gaps", gap_report.as_data(result.gaps))
        elif args.format == "text":
            report += ("\n" if report else "") + gap_report.render_text(result.gaps)
    unused = result.unused_suppressions if args.unused_suppressions else []
    if unused and args.format == "text":
        from flaskscope.report.messages import display_path

        report += "".join(f"\n{display_path(s.path)}:{s.line}: unused flaskscope suppression "
                          f"({', '.join(sorted(s.codes)) if s.codes else 'all codes'})" for s in unused)
    if args.output_file:
        args.output_file.write_text(report + "\n", encoding="utf-8")
    elif report:
        print(report)
    return 1 if findings or unused else 0


def run_rule(args: argparse.Namespace) -> int:
    from flaskscope.rules import RULES

    if args.write_docs:
        args.write_docs.mkdir(parents=True, exist_ok=True)
        for rule in RULES.values():
            (args.write_docs / f"{rule.code}.md").write_text(rule.markdown(), encoding="utf-8")
        return 0
    if args.all or not args.code:
        for rule in RULES.values():
            print(f"{rule.code}  {rule.name:<30} {rule.severity:<8} {rule.summary}")
        return 0
    found = RULES.get(args.code.upper())
    if found is None:
        print(f"flaskscope: error: no rule {args.code!r} (rules: {', '.join(RULES)})", file=sys.stderr)
        return 2
    print(found.markdown(), end="")
    return 0


def run_server(args: argparse.Namespace) -> int:
    import logging

    level = logging.WARNING - 10 * min(args.verbose, 2)
    handler: logging.Handler = (logging.FileHandler(args.log_file) if args.log_file
                                else logging.StreamHandler(sys.stderr))
    logging.basicConfig(level=level, handlers=[handler], format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.verbose < 2:  # pygls logs every JSON-RPC message at INFO: only -vv wants that
        logging.getLogger("pygls").setLevel(logging.WARNING)
    from flaskscope.lsp.server import server

    if args.tcp:
        server.start_tcp(args.host, args.port)
    else:
        server.start_io()
    return 0


def entry() -> None:
    """The ``flaskscope`` command: ``main``, then exit without tearing the heap down.

    A check leaves millions of objects (indexes, memo tables) that the interpreter would free one by
    one on the way out, half a second on a large workspace for nothing; the output is flushed and
    the process ends at once (mypy does the same). ``main`` itself returns normally, for callers
    that run it in-process.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed by the server's transport, or the reader went away
            pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and 2
    commands = {"check": run_check, "rule": run_rule, "server": run_server}
    if args.command not in commands:
        parser.print_help(sys.stderr)
        return 2
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        return 2
    except BrokenPipeError:  # ``flaskscope check | head``: the reader left before the report was written
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("flaskscope: error: the output was closed before the report was written", file=sys.stderr)
        return 2
    except Exception:  # noqa: BLE001 - report, never a bare traceback with exit 1
        print("flaskscope: internal error, please report it with the traceback below:", file=sys.stderr)
        traceback.print_exc()
        return 2
