from flask import jsonify, request

from app import app, db
from models import Order
from tasks import send_receipt


@app.post("/orders")
def create_order():
    order = Order(email=request.form["email"], total_cents=int(request.form["total_cents"]))
    db.session.add(order)
    db.session.commit()
    send_receipt(order.id)
    return jsonify(id=order.id), 201
