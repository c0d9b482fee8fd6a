from flask import Blueprint, jsonify, request

from blog import db
from blog.models import Post

bp = Blueprint("posts", __name__)


@bp.get("/posts")
def index():
    posts = Post.query.order_by(Post.created.desc()).all()
    return jsonify([{"id": p.id, "title": p.title} for p in posts])


@bp.post("/posts")
def create():
    post = Post(title=request.json["title"], body=request.json["body"])
    db.session.add(post)
    db.session.commit()
    return {"id": post.id}, 201
