import atexit

from flask import Flask

from app.metrics import flush_metrics


def create_app():
    app = Flask(__name__)
    app.config["METRICS_PREFIX"] = "webshop"

    from app.views import bp

    app.register_blueprint(bp)
    atexit.register(flush_metrics)
    return app
