from app import celery, db
from locking import OnceTask
from models import Product


@celery.task
def recount_stock():
    total = db.session.scalar(db.select(db.func.sum(Product.stock)))
    print(f"{total} items in stock")
    return total


@celery.task(base=OnceTask)
def rebuild_search_index():
    products = Product.query.order_by(Product.name).all()
    index = {product.name.lower(): product.id for product in products}
    print(f"indexed {len(index)} products")
    return len(index)
