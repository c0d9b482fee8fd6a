from celery import shared_task

from app.extensions import db
from app.models import Order


@shared_task
def archive_order(order_id):
    order = db.session.get(Order, order_id)
    order.archived = True
    db.session.commit()
    return order.id
