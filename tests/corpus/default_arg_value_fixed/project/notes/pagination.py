import math

from flask import current_app


def paginate(items, page=1, per_page=None):
    if per_page is None:
        per_page = current_app.config["NOTES_PER_PAGE"]
    pages = max(math.ceil(len(items) / per_page), 1)
    page = min(max(page, 1), pages)
    start = (page - 1) * per_page
    return {"page": page, "pages": pages, "items": items[start : start + per_page]}
