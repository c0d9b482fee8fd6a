from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(SQLALCHEMY_DATABASE_URI="sqlite://", WELCOME_CREDIT=500)
    app.config.update(config or {})
    db.init_app(app)

    from shop import models  # noqa: F401
    from shop.views import bp

    app.register_blueprint(bp)
    return app
