import threading

from flask import Flask

from app.cache import warm_cache
from app.logging_setup import configure_logging


def create_app():
    app = Flask(__name__)
    configure_logging(app)

    from app.views import bp

    app.register_blueprint(bp)
    threading.Thread(target=warm_cache, args=(app,), name="cache-warmer", daemon=True).start()
    return app
