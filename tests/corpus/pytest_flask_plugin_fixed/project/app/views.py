from flask import Blueprint, jsonify

from app.helpers import current_page, page_url

bp = Blueprint("main", __name__)

ARTICLES = [f"article {n}" for n in range(1, 26)]
PER_PAGE = 10


@bp.get("/articles")
def articles():
    page = current_page()
    items = ARTICLES[(page - 1) * PER_PAGE : page * PER_PAGE]
    return jsonify({"items": items, "next": page_url(page + 1)})
