import logging
import threading

from flask import Flask
from flask.logging import default_handler

from shop.log_context import ClientFilter


def create_app():
    app = Flask(__name__)
    app.logger.setLevel(logging.INFO)
    default_handler.setFormatter(logging.Formatter("[%(client)s] %(levelname)s %(module)s: %(message)s"))
    app.logger.addFilter(ClientFilter())

    from shop.commands import register_commands
    from shop.views import bp

    app.register_blueprint(bp)
    register_commands(app)
    threading.Thread(target=load_catalog, args=(app,), name="catalog-loader", daemon=True).start()
    return app


def load_catalog(app):
    from shop.views import CATALOG

    CATALOG.update({"tea": 4.5, "coffee": 6.0, "cocoa": 5.25})
    app.logger.info("catalog loaded: %d products", len(CATALOG))
