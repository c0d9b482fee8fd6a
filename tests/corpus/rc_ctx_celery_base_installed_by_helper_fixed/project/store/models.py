from store.extensions import db


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(40), unique=True, nullable=False)
    stock = db.Column(db.Integer, default=0, nullable=False)
