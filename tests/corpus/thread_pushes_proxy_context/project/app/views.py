import threading

from flask import Blueprint

from app.exports import export_orders

bp = Blueprint("exports", __name__)


@bp.post("/exports")
def start_export():
    threading.Thread(target=export_orders, args=([1, 2, 3],)).start()
    return {"status": "started"}, 202
