import threading

from flask import Blueprint, current_app, jsonify, request

from app.emails import send_welcome

bp = Blueprint("auth", __name__)

WELCOME_DELAY_SECONDS = 0.05


@bp.post("/signup")
def signup():
    address = request.form["email"]
    # (account creation elided)
    app = current_app._get_current_object()
    timer = threading.Timer(WELCOME_DELAY_SECONDS, send_welcome, args=(app, address))
    timer.start()
    return jsonify(created=address), 201
