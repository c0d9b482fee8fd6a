from flask import Blueprint, current_app, jsonify

bp = Blueprint("public", __name__)


@bp.get("/contact")
def contact():
    return jsonify(email=current_app.config["SUPPORT_EMAIL"])
