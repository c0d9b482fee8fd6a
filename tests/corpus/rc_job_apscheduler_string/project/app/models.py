from app.extensions import db


class PageView(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    path = db.Column(db.String(200), nullable=False)


class DailyStat(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    views = db.Column(db.Integer, nullable=False)
