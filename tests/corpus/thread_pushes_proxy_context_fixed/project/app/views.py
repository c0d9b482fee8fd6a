import threading

from flask import Blueprint, current_app

from app.exports import export_orders

bp = Blueprint("exports", __name__)


@bp.post("/exports")
def start_export():
    app = current_app._get_current_object()
    threading.Thread(target=export_orders, args=(app, [1, 2, 3])).start()
    return {"status": "started"}, 202
