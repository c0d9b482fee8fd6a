from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config["DEFAULT_PAGE_SIZE"] = 2
    app.config.update(config or {})

    from shop.views import bp

    app.register_blueprint(bp)
    return app
