from flask import Blueprint, current_app, jsonify, request

from app.extensions import db
from app.models import Order

bp = Blueprint("orders", __name__)


@bp.post("/orders")
def create_order():
    order = Order(customer=request.form["customer"], total_cents=int(request.form["total_cents"]))
    db.session.add(order)
    db.session.commit()
    return jsonify(id=order.id), 201


@bp.post("/exports")
def start_export():
    job = current_app.task_queue.enqueue("app.tasks.export_orders", request.form["customer"])
    return jsonify(job=job.id), 202
