from flask import current_app, request


class ListingOptions:
    """Pagination and sorting options of a product listing."""

    max_page_size = 50
    sort_fields = ("name", "price")

    def __init__(self, page=1, page_size=None, sort="name"):
        self.page = max(page, 1)
        self.page_size = min(page_size or self.default_page_size(), self.max_page_size)
        self.sort = sort if sort in self.sort_fields else "name"

    @staticmethod
    def default_page_size():
        return current_app.config["DEFAULT_PAGE_SIZE"]

    @classmethod
    def from_request(cls):
        args = request.args
        return cls(args.get("page", 1, type=int), args.get("per_page", type=int), args.get("sort", "name"))

    def apply(self, items):
        ordered = sorted(items, key=lambda item: item[self.sort])
        start = (self.page - 1) * self.page_size
        return ordered[start : start + self.page_size]
