import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
    db.init_app(app)

    from app import models
    from app.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
        db.session.add_all([models.Article(title="Hello World"), models.Article(title="Flask Contexts 101")])
        db.session.commit()
    return app
