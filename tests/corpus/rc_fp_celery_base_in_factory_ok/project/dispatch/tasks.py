from datetime import datetime, timedelta, timezone

from flask import current_app

from dispatch import db, dispatch_celery
from dispatch.models import Message


@dispatch_celery.task(name="deliver-sms")
def deliver_sms(recipient, body):
    message = Message(recipient=recipient, body=body, status="sending")
    db.session.add(message)
    db.session.commit()
    return f"{current_app.config['SMS_SENDER']} -> {message.recipient}"


@dispatch_celery.task(name="purge-old-messages")
def purge_old_messages():
    cutoff = datetime.now(timezone.utc) - timedelta(days=current_app.config["RETENTION_DAYS"])
    removed = db.session.execute(db.delete(Message).where(Message.created_at < cutoff)).rowcount
    db.session.commit()
    return removed
