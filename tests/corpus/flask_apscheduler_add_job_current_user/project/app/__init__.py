import os

from flask import Flask

from app.extensions import db, login_manager, scheduler


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("SECRET_KEY", "dev"),
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite://"),
    )
    db.init_app(app)
    login_manager.init_app(app)
    scheduler.init_app(app)

    from app import auth, reports

    app.register_blueprint(auth.bp)
    app.register_blueprint(reports.bp)

    with app.app_context():
        db.create_all()

    scheduler.start()
    return app
