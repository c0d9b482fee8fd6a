from plans import db


class Plan(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(20), unique=True, nullable=False)
    monthly_cents = db.Column(db.Integer, nullable=False)
