from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SITE_NAME="Lettera",
        DIGEST_SENDER="digest@lettera.example",
        TEMPLATE_CACHE_SIZE=32,
    )
    app.config.update(config or {})

    from newsletter.views import bp

    app.register_blueprint(bp)
    return app
