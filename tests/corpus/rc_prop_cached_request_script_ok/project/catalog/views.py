import threading

from flask import Blueprint, jsonify

from catalog.listing import ProductListing
from catalog.stats import TAG_HITS, count_tag_hits

bp = Blueprint("catalog", __name__)


@bp.get("/products")
def products():
    listing = ProductListing()
    items = listing.items()
    threading.Thread(target=count_tag_hits, args=(listing,)).start()
    return jsonify(tags=listing.tags, items=items)


@bp.get("/stats/tags")
def tag_stats():
    return jsonify(TAG_HITS)
