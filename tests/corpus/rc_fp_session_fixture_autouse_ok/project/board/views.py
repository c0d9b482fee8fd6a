from flask import Blueprint, jsonify

from board.posts import latest_titles, page_size

bp = Blueprint("posts", __name__)


@bp.get("/posts")
def feed():
    return jsonify(latest_titles(page_size()))
