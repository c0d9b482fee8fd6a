from app.extensions import db


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    total_cents = db.Column(db.Integer, nullable=False)
    archived = db.Column(db.Boolean, default=False, nullable=False)


class TaskRun(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    task_id = db.Column(db.String(64), nullable=False)
    name = db.Column(db.String(200), nullable=False)
    state = db.Column(db.String(20))
