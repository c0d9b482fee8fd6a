import os

from celery import Celery, Task
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_mapping(
    SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite://"),
    CELERY=dict(
        broker_url=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"),
        task_ignore_result=True,
    ),
)
db = SQLAlchemy(app)


class FlaskTask(Task):
    def __call__(self, *args, **kwargs):
        with app.app_context():
            return self.run(*args, **kwargs)


celery = Celery(app.name, task_cls=FlaskTask)
celery.config_from_object(app.config["CELERY"])
celery.set_default()

import views  # noqa: E402,F401

with app.app_context():
    db.create_all()
