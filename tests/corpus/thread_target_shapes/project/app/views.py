import threading

from flask import Blueprint, jsonify, request, url_for

from app.crm import crm
from app.notifications import notify
from app.onboarding import Onboarding

bp = Blueprint("users", __name__)


@bp.post("/signup")
def signup():
    user_id = int(request.form["user_id"])

    threading.Thread(target=lambda: notify(user_id)).start()
    threading.Thread(target=crm.sync, args=(user_id,)).start()
    Onboarding(user_id).start()

    def send_profile_link():
        link = url_for("users.profile", user_id=user_id, _external=True)
        print(f"mail: complete your profile at {link}")

    threading.Thread(target=send_profile_link).start()
    return jsonify(id=user_id), 201


@bp.get("/users/<int:user_id>")
def profile(user_id):
    return jsonify(id=user_id)
