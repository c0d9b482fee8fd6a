from datetime import datetime, timezone

from dispatch import db


class Message(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    recipient = db.Column(db.String(40), nullable=False)
    body = db.Column(db.String(500), nullable=False)
    status = db.Column(db.String(20), default="created", nullable=False)
    created_at = db.Column(db.DateTime, default=lambda: datetime.now(timezone.utc), nullable=False)
