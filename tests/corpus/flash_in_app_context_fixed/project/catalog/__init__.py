from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "dev"
    app.config["CATALOG_CURRENCY"] = "EUR"
    app.config.update(config or {})

    from catalog.views import bp

    app.register_blueprint(bp)
    return app
