from app.extensions import db


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), nullable=False)
    total_cents = db.Column(db.Integer, nullable=False)


class RefundLog(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    order_id = db.Column(db.Integer, nullable=False)
    amount_cents = db.Column(db.Integer, nullable=False)
