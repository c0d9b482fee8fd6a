import os

from flask import Flask

from app.extensions import db
from app.scheduler import init_scheduler


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite://"),
        ROLLUP_EVERY_HOURS=24,
    )
    db.init_app(app)

    from app import models  # noqa: F401
    from app.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()

    init_scheduler(app)
    return app
