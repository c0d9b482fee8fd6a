from flask import Blueprint, jsonify, request

from app.extensions import db
from app.models import User
from app.tasks import send_welcome_email

bp = Blueprint("accounts", __name__)


@bp.post("/signup")
def signup():
    user = User(email=request.form["email"])
    db.session.add(user)
    db.session.commit()
    send_welcome_email.delay(user.id)
    return jsonify(id=user.id), 201
