from flask import current_app

from newsletter.extensions import celery, db
from newsletter.models import Subscriber


@celery.task(name="newsletter.send_digest")
def send_digest():
    recipients = [s.email for s in Subscriber.query.filter_by(active=True)]
    return {"from": current_app.config["DIGEST_SENDER"], "to": recipients}


@celery.task(name="newsletter.drop_bounced")
def drop_bounced(email):
    subscriber = db.session.execute(db.select(Subscriber).filter_by(email=email)).scalar_one_or_none()
    if subscriber is not None:
        subscriber.active = False
        db.session.commit()
    return subscriber is not None


@celery.task(name="newsletter.sender_address")
def sender_address():
    return current_app.config["DIGEST_SENDER"]
