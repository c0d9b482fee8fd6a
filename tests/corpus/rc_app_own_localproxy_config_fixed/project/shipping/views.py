import threading

from flask import Blueprint, current_app, request

from shipping.ctx import current_settings
from shipping.labels import print_labels

bp = Blueprint("shipping", __name__)


@bp.get("/printer")
def printer():
    return {"printer": current_settings["LABEL_PRINTER"]}


@bp.post("/orders/print-labels")
def queue_labels():
    order_ids = [int(i) for i in request.form.getlist("order")]
    threading.Thread(target=print_labels, args=(current_app._get_current_object(), order_ids)).start()
    return {"queued": len(order_ids)}, 202
