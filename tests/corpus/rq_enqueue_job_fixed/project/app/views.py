from flask import Blueprint, jsonify, request

from app.extensions import db
from app.models import User
from app.services import request_digest

bp = Blueprint("users", __name__)


@bp.post("/users")
def create_user():
    user = User(email=request.form["email"])
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id), 201


@bp.post("/users/<int:user_id>/digest")
def digest(user_id):
    job = request_digest(user_id)
    return jsonify(job=job.id), 202
