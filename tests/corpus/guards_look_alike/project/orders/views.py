import itertools
import threading

from flask import Blueprint

from orders.jobs import announce_order, audit_order, sync_order, trace_order

bp = Blueprint("orders", __name__)

_ids = itertools.count(1)
JOBS = (announce_order, sync_order, audit_order, trace_order)


@bp.post("/orders")
def place_order():
    order_id = next(_ids)
    for job in JOBS:
        job(order_id)
    return {"id": order_id}, 201


@bp.post("/orders/async")
def place_order_async():
    order_id = next(_ids)
    for job in JOBS:
        threading.Thread(target=job, args=(order_id,)).start()
    return {"id": order_id}, 202
