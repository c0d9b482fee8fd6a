import threading

from flask import Blueprint, copy_current_request_context, jsonify, request

from app.analytics import log_search

bp = Blueprint("search", __name__)

ARTICLES = ["Flask contexts", "Threads in Flask", "Celery with Flask"]


@bp.get("/search")
def search():
    term = request.args.get("q", "")

    @copy_current_request_context
    def track():
        log_search(request.args.get("q", ""), request.headers.get("User-Agent"))

    threading.Thread(target=track).start()
    hits = [a for a in ARTICLES if term.lower() in a.lower()]
    return jsonify(hits=hits)
