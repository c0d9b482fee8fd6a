from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
    app.config.update(config or {})

    db.init_app(app)

    from blog import models  # noqa: F401  (register the tables)
    from blog.views import bp

    app.register_blueprint(bp)
    db.create_all()
    return app
