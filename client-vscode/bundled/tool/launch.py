"""Start ``flaskscope server`` for the VS Code extension (or answer ``--probe``).

Usage: ``python launch.py {useBundled|fromEnvironment} server [ARGS...]`` or
``python launch.py {useBundled|fromEnvironment} --probe``.

- useBundled: ``bundled/libs`` (flaskscope and its pure-Python dependencies, vendored into the
  extension) goes first on ``sys.path``, so the copy shipped with the extension is the one that runs.
- fromEnvironment: only the interpreter's own environment is used. If flaskscope is missing there,
  we fail clearly instead of silently falling back: the extension offers ``useBundled``.

Kept compatible with old Pythons on purpose, so a too-old interpreter gets a clear message.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIBS = os.path.join(os.path.dirname(HERE), "libs")


def main(argv):
    if not argv or argv[0] not in ("useBundled", "fromEnvironment"):
        sys.stderr.write("usage: launch.py {useBundled|fromEnvironment} (server [ARGS...] | --probe)\n")
        return 2
    strategy, rest = argv[0], argv[1:]
    if HERE in sys.path:
        sys.path.remove(HERE)  # never let this folder shadow anything
    if strategy == "useBundled":
        sys.path.insert(0, LIBS)
    if rest == ["--probe"]:
        answer = {"python": sys.executable, "pythonVersion": list(sys.version_info[:2])}
        try:
            import flaskscope

            answer["flaskscope"] = getattr(flaskscope, "__version__", "unknown")
            answer["location"] = os.path.dirname(os.path.abspath(flaskscope.__file__))
            if sys.version_info >= (3, 10):
                import flaskscope.lsp.server  # noqa: F401  (pygls, lsprotocol, jedi must import too)
        except Exception as exc:  # noqa: BLE001 - reported to the extension, which explains it
            answer.setdefault("flaskscope", None)
            answer["flaskscope"] = answer["flaskscope"] if "location" in answer and not isinstance(exc, ImportError) else None
            answer["error"] = "%s: %s" % (type(exc).__name__, exc)
        sys.stdout.write(json.dumps(answer) + "\n")
        return 0
    if sys.version_info < (3, 10):
        sys.stderr.write("flaskscope needs Python 3.10 or newer; %s is %d.%d\n"
                         % (sys.executable, sys.version_info[0], sys.version_info[1]))
        return 3
    try:
        from flaskscope.cli import main as flaskscope_main
    except ImportError as exc:
        sys.stderr.write("flaskscope cannot be imported with %s (%s). Install it in that environment "
                         "(pip install flaskscope) or set flaskscope.importStrategy to useBundled.\n"
                         % (sys.executable, exc))
        return 4
    return flaskscope_main(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
