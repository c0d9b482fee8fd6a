from flask import current_app

from board import db
from board.models import Post


def create_post(title):
    post = Post(title=title.strip())
    db.session.add(post)
    db.session.commit()
    return post


def page_size():
    return current_app.config["POSTS_PER_PAGE"]


def latest_titles(limit=10):
    return [p.title for p in Post.query.order_by(Post.id.desc()).limit(limit)]
