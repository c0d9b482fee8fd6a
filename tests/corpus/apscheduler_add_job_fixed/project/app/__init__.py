import os

from flask import Flask

from app.extensions import db
from app.scheduler import init_scheduler


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("SECRET_KEY", "dev"),
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite://"),
    )
    db.init_app(app)

    from app import views

    app.register_blueprint(views.bp)

    with app.app_context():
        db.create_all()

    init_scheduler(app)
    return app
