import os

from flask import Flask

from app.extensions import db, scheduler


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite://"),
        SCHEDULER_API_ENABLED=False,
    )
    db.init_app(app)
    scheduler.init_app(app)

    from app import views

    app.register_blueprint(views.bp)

    with app.app_context():
        db.create_all()

        from app import tasks  # noqa: F401  (registers the jobs)

        scheduler.start()
    return app
