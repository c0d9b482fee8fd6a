from flask import Flask
from flask_restx import Api


def create_app(config=None):
    app = Flask(__name__)
    app.config["AUDIT_CHANNEL"] = "orders-audit"
    app.config["PAGE_SIZE"] = 2
    app.config.update(config or {})

    from orders.resources import ns

    api = Api(app, title="Orders", version="1.0", doc=False)
    api.add_namespace(ns, path="/api/orders")
    return app
