from flask import Flask

from app.extensions import db, scheduler
from config import Config


def create_app(config_class=Config):
    app = Flask(__name__)
    app.config.from_object(config_class)
    db.init_app(app)

    from app import models  # noqa: F401
    from app.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()

    scheduler.init_app(app)  # loads the JOBS from the config
    scheduler.start()
    return app
