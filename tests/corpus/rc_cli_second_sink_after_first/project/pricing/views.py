from flask import Blueprint, jsonify

from pricing import db
from pricing.models import Product

bp = Blueprint("products", __name__)


@bp.get("/products")
def list_products():
    products = db.session.scalars(db.select(Product).order_by(Product.sku))
    return jsonify({p.sku: p.price for p in products})
