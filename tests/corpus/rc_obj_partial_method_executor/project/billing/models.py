from billing import db


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer = db.Column(db.String(80), nullable=False)
    amount_cents = db.Column(db.Integer, nullable=False)
