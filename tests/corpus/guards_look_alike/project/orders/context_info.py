"""Helpers shared by views and background threads."""

from flask import current_app, request


def describe_actor():
    return request.remote_addr


def sync_enabled():
    return current_app.config.get("SYNC_ENABLED", False)


def audit_level():
    return current_app.config["AUDIT_LEVEL"]


def request_id():
    return request.headers.get("X-Request-Id")
