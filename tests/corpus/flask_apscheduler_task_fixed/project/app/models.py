import secrets

from app.extensions import db


class Session(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(64), unique=True, nullable=False, default=lambda: secrets.token_hex(16))
    expired = db.Column(db.Boolean, default=False, nullable=False)
