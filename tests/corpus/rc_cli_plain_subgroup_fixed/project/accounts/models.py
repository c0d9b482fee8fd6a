from accounts import db


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    month = db.Column(db.String(7), nullable=False)
    closed = db.Column(db.Boolean, default=False, nullable=False)
