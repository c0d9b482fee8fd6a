from flask import Blueprint, jsonify

from app.models import User

bp = Blueprint("users", __name__)


@bp.get("/users")
def list_users():
    return jsonify([u.email for u in User.query.order_by(User.id)])
