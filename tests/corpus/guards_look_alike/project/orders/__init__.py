from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config["AUDIT_LEVEL"] = "warning"
    app.config["SYNC_ENABLED"] = True
    app.config.update(config or {})

    from orders.views import bp

    app.register_blueprint(bp)
    return app
