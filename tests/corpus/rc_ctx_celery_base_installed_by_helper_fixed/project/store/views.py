from flask import Blueprint, jsonify, request

from store.extensions import db
from store.models import Product
from store.tasks import low_stock_report

bp = Blueprint("store", __name__)


@bp.post("/products/<sku>/sell")
def sell(sku):
    product = db.session.execute(db.select(Product).where(Product.sku == sku)).scalar_one()
    product.stock -= int(request.form.get("quantity", 1))
    db.session.commit()
    low_stock_report.delay()
    return jsonify(sku=sku, stock=product.stock)
