import threading

from flask import Blueprint, jsonify, request

from app.extensions import db
from app.models import Article
from app.search import search_index

bp = Blueprint("articles", __name__)


@bp.post("/articles")
def create_article():
    article = Article(title=request.form["title"])
    db.session.add(article)
    db.session.commit()
    # Re-index shortly after the response, off the request thread.
    threading.Timer(0.1, search_index.rebuild).start()
    return jsonify(id=article.id), 201
