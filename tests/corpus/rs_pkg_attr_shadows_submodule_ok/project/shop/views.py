import threading

from flask import Blueprint, current_app, jsonify, request

from shop.models import Order, db
from shop.worker import purge_abandoned_carts, report_order_count

bp = Blueprint("backoffice", __name__)


@bp.post("/orders")
def create_order():
    db.session.add(Order(status=request.form.get("status", "cart"), total_cents=int(request.form["total_cents"])))
    db.session.commit()
    return "", 201


@bp.post("/housekeeping/purge")
def purge():
    app = current_app._get_current_object()
    threading.Thread(target=purge_abandoned_carts, args=(app,), name="purge-carts").start()
    return jsonify(queued=True), 202


@bp.post("/housekeeping/count")
def count():
    app = current_app._get_current_object()
    threading.Thread(target=report_order_count, args=(app,), name="count-orders").start()
    return jsonify(queued=True), 202
