from flask import Flask

from shop.extensions import register_extensions


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY="dev",
        CURRENCY="EUR",
        CATALOG_PAGE_SIZE=20,
    )
    app.config.update(config or {})

    # the filters and the catalog blueprint read current_app when they are imported, so import them with the app pushed
    with app.app_context():
        register_extensions(app)

        from shop import catalog

        app.register_blueprint(catalog.bp)
    return app
