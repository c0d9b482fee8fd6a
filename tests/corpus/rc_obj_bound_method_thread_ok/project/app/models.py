from app.extensions import db


class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    amount_cents = db.Column(db.Integer, nullable=False)
