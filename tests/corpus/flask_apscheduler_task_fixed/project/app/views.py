from flask import Blueprint, jsonify

from app.cache import active_tokens
from app.extensions import db
from app.models import Session

bp = Blueprint("sessions", __name__)


@bp.post("/sessions")
def login():
    session = Session()
    db.session.add(session)
    db.session.commit()
    active_tokens.add(session.token)
    return jsonify(token=session.token), 201


@bp.post("/sessions/<token>/logout")
def logout(token):
    session = db.first_or_404(db.select(Session).filter_by(token=token))
    session.expired = True
    db.session.commit()
    return "", 204
