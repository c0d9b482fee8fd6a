from flask import Blueprint

bp = Blueprint("catalog", __name__)

PRODUCTS = [
    {"id": 1, "slug": "teapot"},
    {"id": 2, "slug": "kettle"},
    {"id": 3, "slug": "mug"},
]


@bp.get("/products/<int:product_id>/<slug>")
def product(product_id, slug):
    return f"product {product_id} ({slug})"
