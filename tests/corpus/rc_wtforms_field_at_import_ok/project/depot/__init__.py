from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
    db.init_app(app)
    from depot import models
    from depot.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
        db.session.add(models.Region(code="eu", active=True))
        db.session.commit()
    return app
