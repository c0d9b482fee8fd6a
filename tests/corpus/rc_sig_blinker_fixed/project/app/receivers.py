from flask import current_app

from app.extensions import db
from app.models import RefundLog
from app.signals import order_placed, order_refunded


@order_placed.connect
def send_receipt(sender, order_id, email, **extra):
    shop_email = current_app.config["SHOP_EMAIL"]
    print(f"From: {shop_email} To: {email} -- receipt for order #{order_id}")


def record_refund(sender, order_id, amount_cents, **extra):
    db.session.add(RefundLog(order_id=order_id, amount_cents=amount_cents))
    db.session.commit()


order_refunded.connect(record_refund)
