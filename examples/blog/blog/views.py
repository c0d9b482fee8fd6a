import threading

from flask import Blueprint, Response, request

from blog.extensions import db
from blog.models import Post
from blog.notifications import notify_followers

bp = Blueprint("blog", __name__)


@bp.post("/posts")
def publish():
    post = Post(title=request.form["title"])
    db.session.add(post)
    db.session.commit()
    # Bug: the thread has no application context (FCX101 in notify_followers).
    threading.Thread(target=notify_followers, args=(post.id,)).start()
    return {"id": post.id}, 201


@bp.get("/posts.csv")
def export_posts():
    def generate():
        yield "id,title\n"
        # Bug: the request is gone when the response is streamed (FCX102).
        limit = int(request.args.get("limit", 100))
        for post in Post.query.limit(limit):
            yield f"{post.id},{post.title}\n"

    return Response(generate(), mimetype="text/csv")
