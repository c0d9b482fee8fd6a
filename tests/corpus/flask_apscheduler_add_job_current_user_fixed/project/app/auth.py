from flask import Blueprint, request
from flask_login import login_user

from app.extensions import db
from app.models import User

bp = Blueprint("auth", __name__)


@bp.post("/login")
def login():
    email = request.form["email"]
    user = db.session.scalar(db.select(User).filter_by(email=email))
    if user is None:
        user = User(email=email)
        db.session.add(user)
        db.session.commit()
    login_user(user)
    return "welcome"
