from flask import Blueprint

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    return "<h1>Our newsletter</h1>"


@bp.get("/unsubscribe/<email>")
def unsubscribe(email):
    return f"{email} unsubscribed"
