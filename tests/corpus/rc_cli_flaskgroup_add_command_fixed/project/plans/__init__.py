from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(SQLALCHEMY_DATABASE_URI="sqlite://", DEFAULT_CURRENCY="USD")
    db.init_app(app)

    from plans import models  # noqa: F401
    from plans.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
    return app
