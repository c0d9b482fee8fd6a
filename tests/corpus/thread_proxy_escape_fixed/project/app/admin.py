import threading

from flask import Blueprint, current_app, jsonify

from app.search import rebuild_index

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.post("/search/rebuild")
def rebuild_search():
    threading.Thread(target=rebuild_index, args=(current_app._get_current_object(),), daemon=True).start()
    return jsonify(status="rebuilding"), 202
