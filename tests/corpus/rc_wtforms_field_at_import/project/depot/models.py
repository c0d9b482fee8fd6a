from depot import db


class Region(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(8), unique=True)
    active = db.Column(db.Boolean, default=True)
