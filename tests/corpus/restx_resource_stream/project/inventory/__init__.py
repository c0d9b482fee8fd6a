from flask import Flask
from flask_restx import Api


def create_app(config=None):
    app = Flask(__name__)
    app.config["EXPORT_DELIMITER"] = ";"
    app.config.update(config or {})

    from inventory.resources import ns

    api = Api(app, title="Inventory", version="1.0", doc=False)
    api.add_namespace(ns, path="/api/stock")
    return app
