from flask import Blueprint, jsonify, request

from search.ratelimit import rate_limited

bp = Blueprint("search", __name__)

DOCUMENTS = ["flask contexts", "click commands", "streaming responses"]


@bp.get("/search")
@rate_limited("SEARCH_RATE_LIMIT")
def search():
    term = request.args.get("q", "")
    return jsonify([doc for doc in DOCUMENTS if term in doc])
