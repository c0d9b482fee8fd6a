from flask import Blueprint, jsonify, request, session

from shop.cart import cart_lines, quote

bp = Blueprint("shop", __name__)


@bp.post("/cart/<sku>")
def add_to_cart(sku):
    session["cart"] = [*session.get("cart", []), sku]
    return jsonify(cart_lines(session["cart"]))


@bp.get("/quote/<sku>")
def show_quote(sku):
    return jsonify(quote(sku, request.headers.get("Accept-Language", "en")[:2]))
