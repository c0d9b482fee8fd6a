from inventory import db


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(40), unique=True, nullable=False)
    warehouse = db.Column(db.String(40), nullable=False)
