"""Helpers shared by views and background threads: each one guards its context access."""

from flask import current_app, has_request_context, request


def describe_actor():
    if has_request_context():
        return request.remote_addr
    return "system"


def sync_enabled():
    if current_app:
        return current_app.config.get("SYNC_ENABLED", False)
    return False


def audit_level():
    try:
        return current_app.config["AUDIT_LEVEL"]
    except RuntimeError:
        return "info"


def request_id():
    return request.headers.get("X-Request-Id") if request else None
