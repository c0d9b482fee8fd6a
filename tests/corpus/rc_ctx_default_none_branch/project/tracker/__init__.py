from flask import Flask

from tracker.extensions import limiter


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(RATELIMIT_DEFAULT=3)
    app.config.update(config or {})

    with app.app_context():
        limiter.init_app(app)

    from tracker.views import bp

    app.register_blueprint(bp)
    return app
