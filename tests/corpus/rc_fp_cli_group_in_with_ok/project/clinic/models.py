from clinic import db


class Appointment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    patient = db.Column(db.String(120), nullable=False)
    starts_at = db.Column(db.DateTime, nullable=False)
    cancelled = db.Column(db.Boolean, default=False, nullable=False)
