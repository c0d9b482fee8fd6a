import threading

from flask import Blueprint, current_app, jsonify, request

from app.welcome import send_welcome

bp = Blueprint("accounts", __name__)


@bp.post("/accounts")
def create_account():
    email = request.form["email"]
    app = current_app._get_current_object()
    threading.Thread(target=send_welcome, args=(app, email), daemon=True).start()
    return jsonify(email=email), 201
