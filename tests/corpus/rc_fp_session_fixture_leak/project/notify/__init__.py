from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(SQLALCHEMY_DATABASE_URI="sqlite://", SERVICE_LIMIT=3)
    app.config.update(config or {})
    db.init_app(app)

    from notify import models  # noqa: F401
    from notify.views import bp

    app.register_blueprint(bp)
    return app
