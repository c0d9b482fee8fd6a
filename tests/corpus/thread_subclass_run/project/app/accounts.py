from flask import Blueprint, jsonify, request

from app.audit import AuditLogger

bp = Blueprint("accounts", __name__, url_prefix="/accounts")


@bp.post("/<int:user_id>/password")
def change_password(user_id):
    new_password = request.form["password"]
    # (hashing and storing the password elided)
    AuditLogger("password-changed", user_id).start()
    return jsonify(ok=True, length=len(new_password))
