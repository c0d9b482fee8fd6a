"""Housekeeping jobs the back office kicks off; they run in background threads."""

from shop.models import db
from shop.models.order import Order


def purge_abandoned_carts():
    result = db.session.execute(db.delete(Order).where(Order.status == "cart"))
    print(f"purged {result.rowcount} abandoned carts")


def report_order_count():
    total = Order.query.count()
    print(f"{total} orders on file")
