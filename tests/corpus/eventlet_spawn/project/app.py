import eventlet
from flask import Flask, current_app, jsonify

app = Flask(__name__)
app.config["ORDER_NOTICE_SENDER"] = "orders@example.com"

OUTBOX = []


def send_confirmation(order_id):
    sender = current_app.config["ORDER_NOTICE_SENDER"]
    OUTBOX.append((sender, f"Order {order_id} confirmed"))


@app.post("/orders/<int:order_id>/confirm")
def confirm(order_id):
    eventlet.spawn(send_confirmation, order_id)
    return jsonify(confirmed=order_id)


@app.get("/outbox")
def outbox():
    return jsonify(count=len(OUTBOX))
