from flask import Blueprint, jsonify

from shop.cart import price_list

bp = Blueprint("shop", __name__)


@bp.get("/prices")
def prices():
    return jsonify(price_list())
