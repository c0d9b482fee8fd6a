from flask import Blueprint, current_app, jsonify

SENDER = current_app.config["SUPPORT_EMAIL"]

bp = Blueprint("mailing", __name__)


@bp.get("/mailing/sender")
def sender():
    return jsonify(sender=SENDER)
