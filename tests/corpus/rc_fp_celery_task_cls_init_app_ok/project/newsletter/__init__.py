from flask import Flask

from newsletter.extensions import celery, db


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI="sqlite://",
        CELERY_BROKER_URL="memory://",
        DIGEST_SENDER="digest@example.com",
    )
    app.config.update(config or {})
    db.init_app(app)
    celery.init_app(app)

    from newsletter import models
    from newsletter.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
        db.session.add(models.Subscriber(email="ana@example.com"))
        db.session.commit()
    return app
