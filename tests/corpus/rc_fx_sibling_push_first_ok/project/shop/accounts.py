from flask import current_app

from shop import db
from shop.models import User


def grant_welcome_credit(user):
    user.credit += current_app.config["WELCOME_CREDIT"]
    db.session.commit()
    return user.credit


def find_user(email):
    return User.query.filter_by(email=email.lower()).first()
