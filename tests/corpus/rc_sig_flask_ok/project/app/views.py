from flask import Blueprint, render_template

from app.posts import POSTS

bp = Blueprint("blog", __name__)


@bp.get("/")
def index():
    return render_template("index.html", posts=POSTS)
