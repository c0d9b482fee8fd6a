from celery import Celery

from cart.store import remove_item

celery = Celery("cart", broker="memory://")
celery.conf.task_ignore_result = True


@celery.task(name="cart.expire_item")
def expire_item(owner, sku):
    """Reservations expire after 30 minutes: drop the item and tell the user."""
    return remove_item(owner, sku, notify=True)
