from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(SQLALCHEMY_DATABASE_URI="sqlite://", WAREHOUSE="north")
    app.config.update(config or {})
    db.init_app(app)

    from inventory import models  # noqa: F401

    with app.app_context():
        db.create_all()
    return app
