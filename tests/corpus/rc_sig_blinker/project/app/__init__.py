import os

from flask import Flask

from app.extensions import db


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite://"),
        SHOP_EMAIL="orders@shop.example.com",
    )
    db.init_app(app)

    from app import models, receivers  # noqa: F401  (receivers connect themselves)
    from app.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
    return app
