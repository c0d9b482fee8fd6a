from datetime import datetime

from helpdesk import db


class Ticket(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    subject = db.Column(db.String(200), nullable=False)
    opened_at = db.Column(db.DateTime, nullable=False, default=datetime.utcnow)
    closed = db.Column(db.Boolean, nullable=False, default=False)
