"""Project configuration: ``[tool.flaskscope]`` in ``pyproject.toml``, or a ``flaskscope.toml``.

Values are data, never evaluated: qualified names stay strings and are matched against resolved
names. Every problem names the key and the file, so ``flaskscope check`` can stop with exit 2 and
the language server can report it once and keep its defaults.
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from flaskscope.rules import RULES, SEVERITIES, names_a_rule, selected, severity_named

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONTEXTS = ("app", "request")


class ConfigError(Exception):
    """A configuration file that cannot be used as written."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it came from
    select: tuple[str, ...] = ("FCX",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    extra_sinks: dict[str, str] = field(default_factory=dict)  # qualified name -> "app" | "request"
    extra_roots: tuple[str, ...] = ()  # decorators or spawners whose callable runs without a context
    extra_providers: dict[str, str] = field(default_factory=dict)  # decorator -> "app" | "request"
    app: str | None = None  # "package.module:expression" the fixes should use for the app
    allow_bare_noqa: bool = False
    # Seconds a run may wait for jedi; None: ``jedi_runs``' automatic budget (a share of the indexing
    # time). What is left unasked stays unresolved: slower checks or fewer answers.
    jedi_budget: float | None = None

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def rule_enabled(self, code: str) -> bool:
        return selected(code, self.select, self.ignore)

    def ignored_in(self, code: str, path: Path) -> bool:
        relative = _relative(path, self.base)
        return any(fnmatch.fnmatch(relative, pattern) and any(code.startswith(c) for c in codes)
                   for pattern, codes in self.per_file_ignores.items())

    def excluded(self, path: Path) -> bool:
        relative = _relative(path, self.base)
        parts = relative.split("/")
        return any(fnmatch.fnmatch(relative, pattern) or any(fnmatch.fnmatch(part, pattern) for part in parts)
                   for pattern in self.exclude)

    def severity_of(self, code: str) -> str:
        return self.severity.get(code, RULES[code].severity)


def _relative(path: Path, base: Path) -> str:
    try:
        return path.absolute().relative_to(base.absolute()).as_posix()
    except ValueError:
        return path.absolute().as_posix()


def find_config(start: Path) -> Path | None:
    """The nearest ``flaskscope.toml``, or ``pyproject.toml`` with a ``[tool.flaskscope]`` table."""
    directory = start.absolute() if start.is_dir() else start.absolute().parent
    for candidate in (directory, *directory.parents):
        own = candidate / "flaskscope.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "flaskscope" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                return pyproject  # broken: load_config reports it
    return None


def config_or_defaults(start: Path, warn: Callable[[str], None]) -> Config:
    """The configuration found from ``start``; a broken file is reported and the defaults are used
    (a long-lived caller such as the language server keeps working while the file is being fixed)."""
    try:
        return load_config(find_config(start))
    except ConfigError as exc:
        warn(f"{exc}; using the default configuration")
        return Config()


def load_config(path: Path | None) -> Config:
    """Read and validate; raises ``ConfigError`` naming the file and the key."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    table = data if path.name == "flaskscope.toml" else data.get("tool", {}).get("flaskscope", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.flaskscope] must be a table")
    return _parse(table, path)


def _parse(table: dict[str, Any], path: Path) -> Config:
    def fail(key: str, why: str) -> ConfigError:
        return ConfigError(f"{path}: `{key}` {why}")

    def codes(key: str) -> tuple[str, ...]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, 'must be a list of rule codes or prefixes, e.g. ["FCX101"]')
        for code in value:
            if not names_a_rule(code):
                raise fail(key, f"names no rule: {code!r} (rules: {', '.join(RULES)})")
        return tuple(value)

    def strings(key: str) -> tuple[str, ...]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of strings")
        return tuple(value)

    def mapping(key: str, allowed: tuple[str, ...]) -> dict[str, str]:
        value = table[key]
        if not isinstance(value, dict) or not all(isinstance(v, str) and v in allowed for v in value.values()):
            raise fail(key, f"must map qualified names to one of {', '.join(allowed)}")
        return {str(k): str(v) for k, v in value.items()}

    known = {"select", "ignore", "extend-select", "per-file-ignores", "exclude", "extend-exclude", "severity",
             "extra-sinks", "extra-roots", "extra-providers", "app", "allow-bare-noqa", "jedi-budget"}
    for key in table:
        if key not in known:
            raise fail(key, f"is not a flaskscope setting (known: {', '.join(sorted(known))})")
    values: dict[str, Any] = {"path": path}
    if "select" in table:
        values["select"] = codes("select")
    if "extend-select" in table:
        values["select"] = values.get("select", Config.select) + codes("extend-select")
    if "ignore" in table:
        values["ignore"] = codes("ignore")
    if "per-file-ignores" in table:
        raw = table["per-file-ignores"]
        if not isinstance(raw, dict):
            raise fail("per-file-ignores", 'must map file patterns to rule codes, e.g. {"tests/*" = ["FCX101"]}')
        parsed = {}
        for pattern, listed in raw.items():
            if not isinstance(listed, list) or not all(isinstance(c, str) and any(r.startswith(c) for r in RULES)
                                                       for c in listed):
                raise fail("per-file-ignores", f"entry {pattern!r} must be a list of rule codes")
            parsed[pattern] = tuple(listed)
        values["per_file_ignores"] = parsed
    exclude: tuple[str, ...] = ()
    for key in ("exclude", "extend-exclude"):
        if key in table:
            exclude += strings(key)
    values["exclude"] = exclude
    if "severity" in table:
        raw = table["severity"]
        if not isinstance(raw, dict) or not all(k in RULES and isinstance(v, str) and severity_named(v)
                                                for k, v in raw.items()):
            raise fail("severity", f"must map rule codes to one of {', '.join(SEVERITIES)}")
        values["severity"] = {k: severity_named(v) for k, v in raw.items()}
    if "extra-sinks" in table:
        values["extra_sinks"] = mapping("extra-sinks", CONTEXTS)
    if "extra-roots" in table:
        values["extra_roots"] = strings("extra-roots")
    if "extra-providers" in table:
        values["extra_providers"] = mapping("extra-providers", CONTEXTS)
    if "app" in table:
        app = table["app"]
        if not isinstance(app, str) or ":" not in app or not app.split(":", 1)[0]:
            raise fail("app", 'must be "module:expression", e.g. "myapp:create_app()" or "myapp.wsgi:app"')
        values["app"] = app
    if "allow-bare-noqa" in table:
        if not isinstance(table["allow-bare-noqa"], bool):
            raise fail("allow-bare-noqa", "must be true or false")
        values["allow_bare_noqa"] = table["allow-bare-noqa"]
    if "jedi-budget" in table:
        budget = table["jedi-budget"]
        if isinstance(budget, bool) or not isinstance(budget, (int, float)) or budget < 0:
            raise fail("jedi-budget", "must be a number of seconds (0 or more), e.g. 30")
        values["jedi_budget"] = float(budget)
    return Config(**values)
