"""Reading Python source files as Python does (BOM, PEP 263 ``coding:`` lines), and writing them back.

Its own small module so that the result cache can decode files without importing the engine.
"""

from __future__ import annotations

import codecs
import io
import tokenize
from pathlib import Path


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
