from orders import db


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    reference = db.Column(db.String(32), unique=True, nullable=False)
    email = db.Column(db.String(255), nullable=False)
    total_cents = db.Column(db.Integer, nullable=False)
