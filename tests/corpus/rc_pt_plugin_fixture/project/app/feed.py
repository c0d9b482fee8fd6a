from flask import current_app, request, session

from app import db
from app.models import Post


def feed_limit():
    return current_app.config["FEED_LIMIT"]


def preferred_layout():
    return session.get("layout", "cards")


def requested_tag():
    return request.args.get("tag")


def publish(title):
    post = Post(title=title.strip())
    db.session.add(post)
    db.session.commit()
    return post
