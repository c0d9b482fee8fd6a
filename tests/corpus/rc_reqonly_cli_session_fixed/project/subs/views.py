from flask import Blueprint, flash, jsonify, request, session

from subs import services

bp = Blueprint("subs", __name__)


@bp.post("/login/<int:user_id>")
def login(user_id):
    session["user_id"] = user_id
    return "", 204


@bp.post("/subscriptions/<int:sub_id>/cancel")
def cancel(sub_id):
    return jsonify(services.cancel_subscription(sub_id, session["user_id"]))


@bp.post("/tokens")
def new_token():
    agent = request.headers.get("User-Agent", "unknown")
    return jsonify(token=services.issue_api_token(session.get("user_id"), agent))


@bp.post("/admin/archive")
def archive():
    count = services.archive_cancelled()
    flash(f"Archived {count} cancelled subscriptions.")
    return jsonify(archived=count)
