from app.extensions import db


class Download(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    report_id = db.Column(db.Integer, nullable=False)
    user_agent = db.Column(db.String(200))
