from flask import g

from app import db
from app.models import Member


def acting_user():
    return g.get("user_email", "system")


def invite(email, invited_by="system"):
    member = Member(email=email.strip().lower(), invited_by=invited_by)
    db.session.add(member)
    db.session.commit()
    return member
