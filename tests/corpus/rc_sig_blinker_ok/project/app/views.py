import threading

from flask import Blueprint, jsonify, request

from app.checkout import sync_warehouse
from app.extensions import db
from app.models import Order
from app.signals import order_placed, order_refunded

bp = Blueprint("orders", __name__)


@bp.post("/orders")
def place_order():
    order = Order(email=request.form["email"], total_cents=int(request.form["total_cents"]))
    db.session.add(order)
    db.session.commit()
    order_placed.send("web", order_id=order.id, email=order.email)
    threading.Thread(target=sync_warehouse, args=(int(request.form["product_id"]), 9)).start()
    return jsonify(id=order.id), 201


@bp.post("/orders/<int:order_id>/refund")
def refund(order_id):
    order = db.get_or_404(Order, order_id)
    order_refunded.send("web", order_id=order.id, amount_cents=order.total_cents)
    return "", 204
