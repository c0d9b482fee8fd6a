from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.update(SQLALCHEMY_DATABASE_URI="sqlite://")
    if test_config:
        app.config.update(test_config)
    db.init_app(app)

    from billing import models  # noqa: F401
    from billing.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
    return app
