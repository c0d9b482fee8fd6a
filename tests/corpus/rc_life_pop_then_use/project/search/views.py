from flask import Blueprint, jsonify, request

from search.indexer import DOCUMENTS, log_summary, rebuild_index, search

bp = Blueprint("search", __name__)


@bp.get("/search")
def find():
    return jsonify(search(request.args.get("q", "")))


@bp.post("/admin/reindex")
def reindex():
    count = rebuild_index(DOCUMENTS)
    log_summary(count)
    return jsonify(indexed=count)
