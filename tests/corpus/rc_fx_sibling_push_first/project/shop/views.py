from flask import Blueprint, jsonify

from shop.accounts import find_user

bp = Blueprint("users", __name__)


@bp.get("/users/<email>")
def show_user(email):
    user = find_user(email)
    if user is None:
        return jsonify(error="unknown user"), 404
    return jsonify(email=user.email, credit=user.credit)
