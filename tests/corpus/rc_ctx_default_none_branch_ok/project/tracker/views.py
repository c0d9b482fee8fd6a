from flask import Blueprint, jsonify, request

from tracker.extensions import limiter

bp = Blueprint("tracker", __name__)


@bp.post("/events")
def record_event():
    if not limiter.hit(request.remote_addr):
        return jsonify(error="slow down"), 429
    return jsonify(ok=True), 201
