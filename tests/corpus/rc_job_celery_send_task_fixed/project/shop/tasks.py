"""Worker-side tasks. The web app never imports this module: it sends tasks by name."""

from datetime import datetime, timedelta, timezone

from shop import db
from shop.celery_app import celery
from shop.models import Cart


@celery.task(name="shop.tasks.cleanup_carts")
def cleanup_carts(days):
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    removed = db.session.execute(db.delete(Cart).where(Cart.updated_at < cutoff)).rowcount
    db.session.commit()
    return removed
