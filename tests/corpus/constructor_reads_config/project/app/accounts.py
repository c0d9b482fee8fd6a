import threading

from flask import Blueprint, jsonify, request

from app.welcome import send_welcome

bp = Blueprint("accounts", __name__)


@bp.post("/accounts")
def create_account():
    email = request.form["email"]
    threading.Thread(target=send_welcome, args=(email,), daemon=True).start()
    return jsonify(email=email), 201
