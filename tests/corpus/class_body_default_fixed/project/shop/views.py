from flask import Blueprint, jsonify

from shop.catalog import PRODUCTS
from shop.listing import ListingOptions

bp = Blueprint("products", __name__, url_prefix="/products")


@bp.get("/")
def index():
    options = ListingOptions.from_request()
    return jsonify(options.apply(PRODUCTS))
