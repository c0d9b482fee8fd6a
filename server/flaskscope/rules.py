"""The rules: one code, one name, one text used everywhere (CLI, hover, docs)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # "error" | "warning" | "info"
    summary: str


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("FCX101", "app-context-required", "error",
             "Code that needs an application context runs where Flask has pushed none."),
        Rule("FCX102", "request-context-required", "error",
             "Code that needs a request context runs outside a request."),
        Rule("FCX103", "context-proxy-escape", "error",
             "A context-local proxy is handed to code that runs in another thread, process or worker."),
        Rule("FCX104", "url-for-without-server-name", "warning",
             "`url_for` runs in an application context without a request and no SERVER_NAME is configured."),
        Rule("FCX105", "current-user-outside-request", "warning",
             "Flask-Login's `current_user` is None outside a request."),
    )
}

DOCS_URL = "https://github.com/flaskscope/flaskscope/blob/main/docs/rules/{code}.md"
