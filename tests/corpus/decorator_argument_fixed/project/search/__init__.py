from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config["SEARCH_RATE_LIMIT"] = 5
    app.config.update(config or {})

    from search.views import bp

    app.register_blueprint(bp)
    return app
