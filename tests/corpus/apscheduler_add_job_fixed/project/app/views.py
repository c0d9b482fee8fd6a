import secrets
from datetime import datetime, timedelta

from flask import Blueprint, jsonify

from app.extensions import db
from app.models import UserSession

bp = Blueprint("auth", __name__)


@bp.post("/sessions")
def open_session():
    user_session = UserSession(token=secrets.token_hex(16), expires_at=datetime.now() + timedelta(hours=12))
    db.session.add(user_session)
    db.session.commit()
    return jsonify(token=user_session.token), 201
