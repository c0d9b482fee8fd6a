from flask import Flask

from shop.celery_setup import celery_init_app


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY="dev-only",
        CURRENCY="EUR",
        CELERY={"broker_url": "memory://", "task_ignore_result": True},
    )
    celery_init_app(app)

    from shop.views import bp

    app.register_blueprint(bp)
    return app
