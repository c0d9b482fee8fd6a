from pki import db


class Certificate(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    serial = db.Column(db.String(64), unique=True, nullable=False)
    common_name = db.Column(db.String(255), nullable=False)
    key_type = db.Column(db.String(32), nullable=False)
