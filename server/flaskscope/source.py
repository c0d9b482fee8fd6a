"""Reading Python source files as Python does (BOM, PEP 263 ``coding:`` lines), and writing them back.

Its own small module so that the result cache can decode files without importing the engine.
"""

from __future__ import annotations

import codecs
import functools
import io
import sys
import tokenize
from pathlib import Path

import tomllib


def read_source(path: Path) -> str:
    """Read and decode a file the way Python would (see ``decode_source``)."""
    return decode_source(path.read_bytes())


def decode_source(data: bytes) -> str:
    """Decode source bytes the way Python would: a BOM, a PEP 263 ``coding:`` line, else UTF-8.

    Raises ``UnicodeDecodeError`` (bytes not valid in that encoding) or ``SyntaxError`` (a coding
    line naming an encoding that does not exist).
    """
    return data.decode(source_encoding(data))


def source_encoding(data: bytes) -> str:
    """The encoding Python reads these source bytes with; ``SyntaxError`` if it would refuse them."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    if not codecs.lookup(encoding)._is_text_encoding:  # ``coding: rot13``: Python refuses it too
        raise SyntaxError(f"encoding problem: {encoding} is not a text encoding")
    return encoding


def write_source(path: Path, text: str) -> None:
    """Write edited source back in the encoding the file declares (a BOM and ``coding:`` lines kept)."""
    try:
        encoding = source_encoding(path.read_bytes())
    except (OSError, SyntaxError):
        encoding = "utf-8"
    path.write_bytes(text.encode(encoding))


def newer_syntax(error: SyntaxError) -> tuple[tuple[int, int], str] | None:
    """(version, what) when the parse error is syntax of a Python newer than the running one."""
    from flaskscope.knowledge.syntax import NEWER_SYNTAX

    line = error.text or ""
    for row in NEWER_SYNTAX:
        if sys.version_info[:2] >= row.version:
            continue
        if row.message is not None and not row.message.search(error.msg or ""):
            continue
        if row.line is not None and not row.line.search(line):
            continue
        return row.version, row.what
    return None


@functools.lru_cache(maxsize=64)
def requires_python(directory: Path) -> str | None:
    """The ``requires-python`` of the nearest pyproject.toml at or above ``directory``."""
    for folder in (directory, *directory.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return None
            value = data.get("project", {}).get("requires-python")
            return value if isinstance(value, str) else None
    return None


def syntax_error_message(path: Path, error: SyntaxError) -> str:
    """What to tell the user about a file that does not parse (without the consequence)."""
    newer = newer_syntax(error)
    if newer is None:
        return f"{path}:{error.lineno or 0}: syntax error: {error.msg}"
    (major, minor), what = newer
    running = ".".join(map(str, sys.version_info[:3]))
    required = requires_python(path.absolute().parent)
    project = f" (the project declares requires-python {required})" if required else ""
    return (f"{path}:{error.lineno or 0}: uses {what}, syntax of Python {major}.{minor}{project}; flaskscope runs "
            f"on Python {running}, whose parser cannot read it: install flaskscope under Python {major}.{minor} "
            f"or newer")
