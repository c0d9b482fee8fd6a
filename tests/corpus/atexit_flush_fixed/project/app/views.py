from flask import Blueprint

from app.metrics import incr

bp = Blueprint("views", __name__)


@bp.get("/")
def index():
    incr("index.hits")
    return "welcome"
