from app.extensions import db


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    total_cents = db.Column(db.Integer, nullable=False)
    archived = db.Column(db.Boolean, default=False, nullable=False)

