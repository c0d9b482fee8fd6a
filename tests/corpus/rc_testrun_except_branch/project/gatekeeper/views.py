from flask import Blueprint, request

from gatekeeper.auth import describe_origin, verify_token

bp = Blueprint("session", __name__)


@bp.post("/session")
def open_session():
    origin = describe_origin(request.headers.get("X-Forwarded-For"))
    if not verify_token(request.headers.get("X-Token", "")):
        return {"error": "unauthorized", "origin": origin}, 401
    return {"status": "ok", "origin": origin}
