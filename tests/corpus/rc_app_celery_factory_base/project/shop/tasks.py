from datetime import datetime, timedelta, timezone

from flask import current_app

from shop import db
from shop.models import Cart
from worker import celery


@celery.task(name="shop.purge_stale_carts")
def purge_stale_carts():
    cutoff = datetime.now(timezone.utc) - timedelta(days=current_app.config["CART_TTL_DAYS"])
    removed = db.session.execute(db.delete(Cart).where(Cart.updated_at < cutoff)).rowcount
    db.session.commit()
    return removed


@celery.task(name="shop.count_carts")
def count_carts():
    return db.session.scalar(db.select(db.func.count(Cart.id)))
