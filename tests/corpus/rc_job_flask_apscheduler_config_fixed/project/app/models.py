from datetime import datetime

from app.extensions import db


class Invite(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), nullable=False)
    created_at = db.Column(db.DateTime, default=datetime.now, nullable=False)
    expired = db.Column(db.Boolean, default=False, nullable=False)
