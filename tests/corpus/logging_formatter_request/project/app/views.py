from flask import Blueprint, current_app

from app.cache import POPULAR_PAGES

bp = Blueprint("views", __name__)


@bp.get("/<slug>")
def page(slug):
    current_app.logger.info("serving %s", slug)
    return POPULAR_PAGES.get(slug, "not cached")
