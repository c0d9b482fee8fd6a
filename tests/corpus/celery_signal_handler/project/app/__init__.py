import os

from flask import Flask

from app.celery_utils import celery_init_app
from app.extensions import db


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite://"),
        CELERY=dict(
            broker_url=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"),
            task_ignore_result=True,
        ),
    )
    db.init_app(app)
    celery_init_app(app)

    from app import views

    app.register_blueprint(views.bp)

    with app.app_context():
        db.create_all()
    return app
