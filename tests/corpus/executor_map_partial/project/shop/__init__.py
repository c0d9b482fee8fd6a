from flask import Flask


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(SERVER_NAME="shop.example.com", PREFERRED_URL_SCHEME="https")
    if test_config:
        app.config.update(test_config)

    from shop import catalog, sitemap

    app.register_blueprint(catalog.bp)
    app.register_blueprint(sitemap.bp)
    return app
