from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(SQLALCHEMY_DATABASE_URI="sqlite://", MAIL_SENDER="orders@shop.example")
    app.config.update(config or {})
    db.init_app(app)

    from orders.mailer import SmtpBackend

    app.extensions["mail_backend"] = SmtpBackend(app.config.get("SMTP_HOST", "localhost"))

    from orders import models  # noqa: F401

    return app
