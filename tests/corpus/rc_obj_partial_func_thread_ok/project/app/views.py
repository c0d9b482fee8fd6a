import threading
from functools import partial

from flask import Blueprint, current_app, jsonify, request

from app.analytics import request_agent, track_event

bp = Blueprint("accounts", __name__)


@bp.post("/signup")
def signup():
    plan = request.form.get("plan", "free")
    send = partial(track_event, "signup", current_app.config["ANALYTICS_ENDPOINT"], request_agent())
    threading.Thread(target=send, kwargs={"plan": plan}).start()
    return jsonify(plan=plan), 201
