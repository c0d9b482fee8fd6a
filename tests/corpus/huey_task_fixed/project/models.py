from app import db


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), nullable=False)
    total_cents = db.Column(db.Integer, nullable=False)
