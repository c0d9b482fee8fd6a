import threading
from functools import partial

from flask import Blueprint, copy_current_request_context, current_app, jsonify, request

from app.analytics import track_event

bp = Blueprint("accounts", __name__)


@bp.post("/signup")
def signup():
    plan = request.form.get("plan", "free")
    send = copy_current_request_context(partial(track_event, "signup", current_app.config["ANALYTICS_ENDPOINT"]))
    threading.Thread(target=send, kwargs={"plan": plan}).start()
    return jsonify(plan=plan), 201
