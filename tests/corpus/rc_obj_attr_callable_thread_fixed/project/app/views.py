import threading

from flask import Blueprint, current_app, jsonify, request

from app.notifier import WelcomeNotifier

bp = Blueprint("members", __name__)


@bp.post("/members")
def join():
    email, name = request.form["email"], request.form["name"]
    notifier = WelcomeNotifier(current_app._get_current_object())
    threading.Thread(target=notifier.run, args=(email, name), daemon=True).start()
    return jsonify(email=email), 201
