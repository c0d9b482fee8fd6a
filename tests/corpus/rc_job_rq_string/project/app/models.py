from app.extensions import db


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer = db.Column(db.String(80), nullable=False)
    total_cents = db.Column(db.Integer, nullable=False)
