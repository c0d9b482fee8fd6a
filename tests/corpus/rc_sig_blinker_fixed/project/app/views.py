import threading

from flask import Blueprint, current_app, jsonify, request

from app.checkout import capture_payment
from app.extensions import db
from app.models import Order
from app.signals import order_refunded

bp = Blueprint("orders", __name__)


@bp.post("/orders")
def place_order():
    order = Order(email=request.form["email"], total_cents=int(request.form["total_cents"]))
    db.session.add(order)
    db.session.commit()
    threading.Thread(target=capture_payment, args=(current_app._get_current_object(), order.id, order.email)).start()
    return jsonify(id=order.id), 202


@bp.post("/orders/<int:order_id>/refund")
def refund(order_id):
    order = db.get_or_404(Order, order_id)
    order_refunded.send("web", order_id=order.id, amount_cents=order.total_cents)
    return "", 204
