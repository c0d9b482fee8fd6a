from flask import Blueprint, jsonify, request

bp = Blueprint("archive", __name__, url_prefix="/archive")

POSTS = [f"post-{n}" for n in range(1, 36)]


@bp.get("/")
def index():
    page = request.args.get("page", 1, type=int)
    start = (page - 1) * 10
    return jsonify(page=page, posts=POSTS[start:start + 10])
