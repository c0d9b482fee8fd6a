from flask import Blueprint, jsonify

from catalog.data import CACHE
from catalog.listing import ProductListing

bp = Blueprint("catalog", __name__)


@bp.get("/products")
def products():
    listing = ProductListing()
    return jsonify(tags=listing.tags, items=listing.items())


@bp.get("/")
def front_page():
    return jsonify(items=CACHE.get("front-page", []))
