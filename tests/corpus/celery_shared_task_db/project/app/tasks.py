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
def report_inactive_accounts(days=365):
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    count = db.session.scalar(db.select(db.func.count(User.id)).where(User.last_login < cutoff))
    print(f"{count} accounts inactive for {days} days")
    return count
