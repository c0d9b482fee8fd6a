"""Housekeeping jobs the back office kicks off; they run in background threads."""

from shop.models import db
from shop.models.order import Order


def purge_abandoned_carts(app):
    with app.app_context():
        result = db.session.execute(db.delete(Order).where(Order.status == "cart"))
        db.session.commit()
        print(f"purged {result.rowcount} abandoned carts")


def report_order_count(app):
    with app.app_context():
        total = Order.query.count()
        print(f"{total} orders on file")
