from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    app.config.update(config or {})
    db.init_app(app)

    from accounts import models  # noqa: F401
    from accounts.cli import billing
    from accounts.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(billing)
    with app.app_context():
        db.create_all()
        db.session.add_all([models.Invoice(month="2024-05"), models.Invoice(month="2024-05")])
        db.session.commit()
    return app
