from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI="sqlite://",
        LOAN_DAYS=21,
        DAILY_FEE_CENTS=10,
    )
    app.config.update(config or {})
    db.init_app(app)

    from lending import models  # noqa: F401
    from lending.views import bp

    app.register_blueprint(bp)
    return app
