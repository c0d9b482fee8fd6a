from flask import Blueprint

bp = Blueprint("views", __name__)


@bp.get("/")
def home():
    return "hello"
