from app import create_app
from app.extensions import db
from app.models import User


def send_digest(user_id):
    with create_app().app_context():
        user = db.session.get(User, user_id)
        print(f"weekly digest sent to {user.email}")
        return user.email
