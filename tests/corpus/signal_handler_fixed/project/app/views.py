from flask import Blueprint, current_app, jsonify

bp = Blueprint("views", __name__)


@bp.get("/banner")
def banner():
    return jsonify(banner=current_app.config.get("BANNER", ""))
