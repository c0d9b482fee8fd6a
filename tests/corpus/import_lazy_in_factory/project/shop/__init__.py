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

    register_extensions(app)

    # the catalog blueprint reads its page size when it is imported, so import it with the app pushed
    with app.app_context():
        from shop import catalog

        app.register_blueprint(catalog.bp)
    return app
