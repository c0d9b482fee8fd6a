from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(SQLALCHEMY_DATABASE_URI="sqlite://", SLA_HOURS=48)
    app.config.update(config or {})
    db.init_app(app)

    from helpdesk import models  # noqa: F401

    return app
