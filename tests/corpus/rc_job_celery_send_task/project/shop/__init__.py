import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

from shop.celery_app import init_celery

db = SQLAlchemy()


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite://"),
        CELERY_BROKER_URL=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"),
    )
    db.init_app(app)
    init_celery(app)

    from shop import models  # noqa: F401
    from shop.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
    return app
