from flask import Blueprint, jsonify

from app.feed import feed_limit, preferred_layout, requested_tag
from app.models import Post

bp = Blueprint("feed", __name__)


@bp.get("/feed")
def show_feed():
    posts = Post.query.order_by(Post.id.desc()).limit(feed_limit()).all()
    return jsonify({"layout": preferred_layout(), "tag": requested_tag(), "posts": [p.title for p in posts]})
