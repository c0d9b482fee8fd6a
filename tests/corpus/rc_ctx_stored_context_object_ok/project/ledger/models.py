from ledger import db


class Entry(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    amount = db.Column(db.Integer, nullable=False)
    closed = db.Column(db.Boolean, default=False, nullable=False)
