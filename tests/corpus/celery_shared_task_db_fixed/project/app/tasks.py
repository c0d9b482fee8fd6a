from datetime import datetime, timedelta, timezone

from celery import shared_task

from app.extensions import db
from app.models import User


@shared_task
def send_welcome_email(user_id):
    user = User.query.filter_by(id=user_id).first()
    if user is None:
        return "no such user"
    print(f"Welcome aboard, {user.email}!")
    return user.email


@shared_task
def deactivate_stale_accounts(days=365):
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    count = db.session.execute(db.update(User).where(User.last_login < cutoff).values(active=False)).rowcount
    db.session.commit()
    return count
