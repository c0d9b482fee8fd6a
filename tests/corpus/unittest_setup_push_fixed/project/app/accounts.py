from app import db
from app.models import User


class EmailTaken(Exception):
    pass


def register(email):
    email = email.strip().lower()
    if db.session.query(User.id).filter_by(email=email).first() is not None:
        raise EmailTaken(email)
    user = User(email=email)
    db.session.add(user)
    db.session.commit()
    return user
