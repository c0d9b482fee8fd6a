from flask import Blueprint, jsonify, session

from subs import services

bp = Blueprint("subs", __name__)


@bp.post("/login/<int:user_id>")
def login(user_id):
    session["user_id"] = user_id
    return "", 204


@bp.post("/subscriptions/<int:sub_id>/cancel")
def cancel(sub_id):
    return jsonify(services.cancel_subscription(sub_id))


@bp.post("/tokens")
def new_token():
    return jsonify(token=services.issue_api_token(session.get("user_id")))


@bp.post("/admin/archive")
def archive():
    return jsonify(archived=services.archive_cancelled())
