from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(CELERY_BROKER_URL="memory://", PREFERRED_URL_SCHEME="https")
    app.config.update(config or {})

    from reports.views import bp

    app.register_blueprint(bp)
    return app
