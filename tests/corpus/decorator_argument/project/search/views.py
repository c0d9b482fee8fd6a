from flask import Blueprint, current_app, jsonify, request

from search.ratelimit import rate_limited

bp = Blueprint("search", __name__)

DOCUMENTS = ["flask contexts", "click commands", "streaming responses"]


@bp.get("/search")
@rate_limited(limit=current_app.config["SEARCH_RATE_LIMIT"])
def search():
    term = request.args.get("q", "")
    return jsonify([doc for doc in DOCUMENTS if term in doc])
