from shop import db


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    credit = db.Column(db.Integer, default=0, nullable=False)
