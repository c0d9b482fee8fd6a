from app.extensions import db
from app.models import User


def send_digest(user_id):
    user = db.session.get(User, user_id)
    print(f"weekly digest sent to {user.email}")
    return user.email
