from flask import Blueprint, jsonify

from app import db
from app.models import Article

bp = Blueprint("articles", __name__)


@bp.get("/articles")
def list_articles():
    articles = db.session.execute(db.select(Article).order_by(Article.id)).scalars()
    return jsonify([{"title": a.title, "slug": a.slug} for a in articles])
