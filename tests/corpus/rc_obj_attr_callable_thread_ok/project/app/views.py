import threading

from flask import Blueprint, current_app, jsonify, request

from app.notifier import WelcomeNotifier, log_notice

bp = Blueprint("members", __name__)


@bp.post("/members")
def join():
    email, name = request.form["email"], request.form["name"]
    if current_app.config.get("WELCOME_DRY_RUN"):
        # dry run: only log, and do it off the request thread
        threading.Thread(target=WelcomeNotifier(notify=log_notice).run, args=(email, name)).start()
    else:
        WelcomeNotifier().run(email, name)  # real mail: sent inside the request
    return jsonify(email=email), 201
