import threading

from flask import Blueprint, jsonify, request

from app.emails import send_welcome

bp = Blueprint("auth", __name__)

WELCOME_DELAY_SECONDS = 0.05


@bp.post("/signup")
def signup():
    address = request.form["email"]
    # (account creation elided)
    timer = threading.Timer(WELCOME_DELAY_SECONDS, send_welcome, args=(address,))
    timer.start()
    return jsonify(created=address), 201
