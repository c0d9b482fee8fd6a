from tracker import db
from tracker.models import User


def create_user(username, admin=False):
    user = User(username=username, admin=admin)
    db.session.add(user)
    db.session.commit()
    return user
