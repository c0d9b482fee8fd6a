from functools import cached_property

from flask import current_app

from catalog.data import PRODUCTS


class ProductListing:
    def __init__(self, tags=(), per_page=None):
        self.tags = list(tags)
        self.per_page = per_page or current_app.config["PER_PAGE"]

    @cached_property
    def wanted(self):
        return frozenset(self.tags)

    def items(self):
        return [p["sku"] for p in PRODUCTS if not self.wanted or self.wanted & set(p["tags"])][: self.per_page]
