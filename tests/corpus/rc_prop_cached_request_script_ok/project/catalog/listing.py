from flask import current_app, request
from werkzeug.utils import cached_property

from catalog.data import PRODUCTS


class ProductListing:
    def __init__(self, per_page=None):
        self.per_page = per_page or current_app.config["PER_PAGE"]

    @cached_property
    def tags(self):
        return request.args.getlist("tag")

    def items(self):
        wanted = set(self.tags)
        return [p["sku"] for p in PRODUCTS if not wanted or wanted & set(p["tags"])][: self.per_page]
