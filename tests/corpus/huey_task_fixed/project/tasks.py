from app import app, db, huey
from models import Order


@huey.task()
def send_receipt(order_id):
    with app.app_context():
        order = db.session.get(Order, order_id)
        print(f"receipt to {order.email}: {order.total_cents / 100:.2f} EUR")
