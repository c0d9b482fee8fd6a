"""``--add-noqa``: write ``# noqa: CODE`` on the line of every current finding (merging codes)."""

from __future__ import annotations

import re
from pathlib import Path

from flaskscope.findings import Finding
from flaskscope.source import read_source, write_source

_NOQA = re.compile(r"#\s*noqa:\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)", re.IGNORECASE)


def add_noqa(findings: list[Finding]) -> int:
    """Returns how many lines were changed."""
    wanted: dict[Path, dict[int, set[str]]] = {}
    for finding in findings:
        wanted.setdefault(finding.path, {}).setdefault(finding.span.line, set()).add(finding.code)
    changed = 0
    for path, lines_codes in wanted.items():
        source = read_source(path)
        lines = source.splitlines(keepends=True)
        for number, codes in lines_codes.items():
            text = lines[number - 1]
            body = text.rstrip("\r\n")
            ending = text[len(body):]
            match = _NOQA.search(body)
            if match:
                present = re.findall(r"[A-Z]+[0-9]+", match.group("codes").upper())
                merged = ", ".join(dict.fromkeys([*present, *sorted(codes)]))
                body = body[: match.start("codes")] + merged + body[match.end("codes"):]
            else:
                body = f"{body}  # noqa: {', '.join(sorted(codes))}"
            lines[number - 1] = body + ending
            changed += 1
        write_source(path, "".join(lines))
    return changed
