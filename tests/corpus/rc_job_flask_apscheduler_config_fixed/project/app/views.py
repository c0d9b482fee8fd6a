from flask import Blueprint, jsonify, request

from app.extensions import db
from app.models import Invite

bp = Blueprint("invites", __name__)


@bp.post("/invites")
def invite():
    db.session.add(Invite(email=request.form["email"]))
    db.session.commit()
    return "", 201


@bp.get("/invites")
def pending():
    return jsonify(pending=[i.email for i in Invite.query.filter_by(expired=False)])
