"""``flaskscope`` command line: ``flaskscope check [PATH ...]`` and ``flaskscope server``.

Exit status: 0 nothing found, 1 findings, 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from flaskscope import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flaskscope", description=(
        "Find Flask code that will raise 'Working outside of application/request context' before it runs."))
    parser.add_argument("--version", action="version", version=f"flaskscope {__version__}")
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("check", help="analyse files or directories")
    check.add_argument("paths", nargs="*", type=Path, default=[Path(".")], help="files or directories (default: .)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--no-jedi", action="store_true", help="resolve with the indexes only (faster, less complete)")
    check.add_argument("--fix", action="store_true", help="apply the preferred fix of every finding (safe ones)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix, also apply fixes marked as guesses")
    serve = commands.add_parser("server", help="run the language server (stdio by default)")
    serve.add_argument("--stdio", action="store_true", help="use stdio (the default; accepted for editors)")
    serve.add_argument("--tcp", action="store_true", help="listen on TCP instead, for debugging")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=2087)
    serve.add_argument("--log-file", type=Path, help="write the log there instead of stderr")
    serve.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    return parser


def run_server(args: argparse.Namespace) -> int:
    import logging

    level = logging.WARNING - 10 * min(args.verbose, 2)
    handler: logging.Handler = (logging.FileHandler(args.log_file) if args.log_file
                                else logging.StreamHandler(sys.stderr))
    logging.basicConfig(level=level, handlers=[handler], format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from flaskscope.lsp.server import server

    if args.tcp:
        server.start_tcp(args.host, args.port)
    else:
        server.start_io()
    return 0


def _warn(message: str) -> None:
    print(f"flaskscope: warning: {message}", file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    from flaskscope.analysis import analyze
    from flaskscope.report import json_report, text_report

    if args.fix:
        from flaskscope.fixes.apply import fix_all

        def write(path: Path, old: str, new: str) -> None:
            path.write_text(new, encoding="utf-8")

        result, applied = fix_all(list(args.paths), _warn, args.unsafe_fixes, write)
        print(f"Applied {applied} fix{'es' if applied != 1 else ''}.", file=sys.stderr)
    else:
        result = analyze(list(args.paths), _warn, use_jedi=not args.no_jedi, with_fixes=False)
    if args.format == "json":
        print(json_report.render(result.findings))
    else:
        print(text_report.render(result.findings, result.files))
    return 1 if result.findings else 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and 2
    if args.command not in ("check", "server"):
        parser.print_help(sys.stderr)
        return 2
    try:
        return run_check(args) if args.command == "check" else run_server(args)
    except KeyboardInterrupt:
        return 2
    except Exception:  # noqa: BLE001 - report, never a bare traceback with exit 1
        print("flaskscope: internal error, please report it with the traceback below:", file=sys.stderr)
        traceback.print_exc()
        return 2
