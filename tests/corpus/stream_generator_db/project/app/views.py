from flask import Blueprint, Response, jsonify, request

from app import db
from app.exports import iter_user_rows
from app.models import User

bp = Blueprint("users", __name__)


@bp.post("/users")
def create_user():
    db.session.add(User(email=request.json["email"]))
    db.session.commit()
    return {"ok": True}, 201


@bp.get("/users")
def list_users():
    return jsonify([u.email for u in User.query.order_by(User.id)])


@bp.get("/users.csv")
def export_users():
    return Response(iter_user_rows(), mimetype="text/csv")
