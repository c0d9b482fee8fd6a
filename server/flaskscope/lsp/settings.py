"""Editor settings (``initializationOptions`` and ``workspace/configuration`` section ``flaskscope``).

Invalid values are reported once and replaced by defaults: a typo in a settings file must never
leave the user without a working server.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flaskscope.rules import RULES, SEVERITIES, names_a_rule, selected, severity_named


@dataclass(frozen=True)
class Settings:
    select: frozenset[str] | None = None  # None: every rule; codes or prefixes (``rules.selected``)
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    pull_diagnostics: bool = True
    debounce_ms: int = 200

    def enabled(self, code: str) -> bool:
        return selected(code, self.select, self.ignore)


def _codes(value: Any, key: str, problems: list[str]) -> frozenset[str] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"`flaskscope.{key}` must be a list of rule codes or prefixes such as [\"FCX101\"]")
        return None
    unknown = [v for v in value if not names_a_rule(v)]
    if unknown:
        problems.append(f"`flaskscope.{key}`: unknown rule code(s) {', '.join(unknown)}")
    return frozenset(v for v in value if names_a_rule(v))


def parse_settings(raw: Any) -> tuple[Settings, list[str]]:
    """Settings from editor JSON, and a readable line for each problem found."""
    problems: list[str] = []
    if raw is None or raw == []:  # Lua editors send an empty table as an empty array
        return Settings(), problems
    if not isinstance(raw, dict):
        return Settings(), ["`flaskscope` settings must be an object"]
    if set(raw) == {"flaskscope"} and isinstance(raw["flaskscope"], dict):
        raw = raw["flaskscope"]  # the whole settings tree, as Helix and some clients send it
    values: dict[str, Any] = {}
    known = {"select", "ignore", "severity", "pullDiagnostics", "pull_diagnostics", "debounceMs", "debounce_ms",
             "path", "interpreter", "args", "importStrategy", "showNotifications", "cwd", "trace"}
    for key in raw:
        if key not in known:
            problems.append(f"`flaskscope.{key}` is not a flaskscope setting")
    if "select" in raw:
        values["select"] = _codes(raw["select"], "select", problems)
    if "ignore" in raw:
        values["ignore"] = _codes(raw["ignore"], "ignore", problems) or frozenset()
    if "severity" in raw:
        severity = raw["severity"] if raw["severity"] != [] else {}
        if isinstance(severity, dict) and all(k in RULES and isinstance(v, str) and severity_named(v)
                                              for k, v in severity.items()):
            values["severity"] = {k: severity_named(v) for k, v in severity.items()}
        else:
            problems.append(f"`flaskscope.severity` must map rule codes to one of {', '.join(SEVERITIES)}")
    pull = raw.get("pullDiagnostics", raw.get("pull_diagnostics"))
    if pull is not None:
        if isinstance(pull, bool):
            values["pull_diagnostics"] = pull
        else:
            problems.append("`flaskscope.pullDiagnostics` must be true or false")
    debounce = raw.get("debounceMs", raw.get("debounce_ms"))
    if debounce is not None:
        if isinstance(debounce, int) and not isinstance(debounce, bool) and 0 <= debounce <= 5000:
            values["debounce_ms"] = debounce
        else:
            problems.append("`flaskscope.debounceMs` must be a number of milliseconds between 0 and 5000")
    return Settings(**values), problems
