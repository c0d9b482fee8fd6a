"""Pre-compute the front page listing after a deploy: python scripts/warm_cache.py"""

from catalog import create_app
from catalog.data import CACHE
from catalog.listing import ProductListing

if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        CACHE["front-page"] = ProductListing(per_page=10).items()
    print(f"cached {len(CACHE['front-page'])} products")
