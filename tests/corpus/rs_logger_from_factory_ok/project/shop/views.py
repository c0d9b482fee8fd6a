import threading

from flask import Blueprint, current_app, jsonify, request

from shop.indexing import log, rebuild_search_index

bp = Blueprint("search", __name__)


@bp.post("/search/reindex")
def reindex():
    product_ids = [int(pid) for pid in request.form.getlist("product")]
    app = current_app._get_current_object()
    threading.Thread(target=rebuild_search_index, args=(app, product_ids), name="reindex").start()
    log.info("reindex of %d products queued", len(product_ids))
    return jsonify(queued=len(product_ids)), 202
