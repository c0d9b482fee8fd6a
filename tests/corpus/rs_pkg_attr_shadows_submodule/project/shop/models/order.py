from shop.models import db


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    status = db.Column(db.String(20), nullable=False, default="cart")
    total_cents = db.Column(db.Integer, nullable=False, default=0)
