from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        CACHE_TTL=300,
        SEARCH_MIN_LENGTH=2,
        WARMUP_PAGES=["/", "/new", "/popular"],
        FEATURED_LIMIT=3,
    )
    app.config.update(config or {})

    from catalog.views import bp

    app.register_blueprint(bp)
    return app
