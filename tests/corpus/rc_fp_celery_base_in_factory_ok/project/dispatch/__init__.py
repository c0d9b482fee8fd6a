from flask_sqlalchemy import SQLAlchemy

from dispatch.celery_setup import DispatchCelery

db = SQLAlchemy()
dispatch_celery = DispatchCelery()


def create_app(application):
    application.config.from_mapping(
        SQLALCHEMY_DATABASE_URI="sqlite://",
        BROKER_URL="memory://",
        DEFAULT_QUEUE="dispatch",
        RETENTION_DAYS=7,
        SMS_SENDER="Notify",
    )
    db.init_app(application)
    dispatch_celery.init_app(application)

    from dispatch import models  # noqa: F401
    from dispatch.views import bp

    application.register_blueprint(bp)
    with application.app_context():
        db.create_all()
    return application
