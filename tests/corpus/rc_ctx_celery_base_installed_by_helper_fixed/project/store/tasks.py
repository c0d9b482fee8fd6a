from flask import current_app

from store.extensions import celery, db
from store.models import Product


@celery.task(name="store.low_stock_report")
def low_stock_report():
    threshold = current_app.config["LOW_STOCK_THRESHOLD"]
    low = db.session.execute(db.select(Product.sku).where(Product.stock < threshold)).scalars().all()
    print("low stock:", ", ".join(low))
    return low


@celery.task(name="store.count_products")
def count_products():
    return db.session.scalar(db.select(db.func.count(Product.id)))
