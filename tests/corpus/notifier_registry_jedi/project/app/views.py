import threading

from flask import Blueprint, jsonify, request

from app.events import dispatch

bp = Blueprint("alerts", __name__)


@bp.post("/alerts")
def raise_alert():
    event = request.get_json()["event"]
    threading.Thread(target=dispatch, args=(event,)).start()
    return jsonify(queued=event), 202
