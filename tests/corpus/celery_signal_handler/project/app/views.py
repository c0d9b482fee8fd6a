from flask import Blueprint, jsonify, request

from app.extensions import db
from app.models import Order
from app.tasks import archive_order

bp = Blueprint("orders", __name__)


@bp.post("/orders")
def create_order():
    order = Order(total_cents=int(request.form["total_cents"]))
    db.session.add(order)
    db.session.commit()
    return jsonify(id=order.id), 201


@bp.post("/orders/<int:order_id>/archive")
def archive(order_id):
    archive_order.delay(order_id)
    return "", 202
