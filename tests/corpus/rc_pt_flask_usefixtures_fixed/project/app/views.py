from flask import Blueprint, jsonify

from app.cart import cart_size, discount_code, max_items

bp = Blueprint("cart", __name__)


@bp.get("/cart")
def show_cart():
    return jsonify({"items": cart_size(), "max": max_items(), "code": discount_code()})
