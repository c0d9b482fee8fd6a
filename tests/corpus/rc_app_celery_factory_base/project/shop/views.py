from flask import Blueprint, request

from shop import db
from shop.models import Cart

bp = Blueprint("carts", __name__)


@bp.post("/carts")
def open_cart():
    db.session.add(Cart(owner=request.form["owner"]))
    db.session.commit()
    return "created", 201
