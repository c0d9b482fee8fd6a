from flask import Flask

from app.middleware import MaintenanceMiddleware


def create_app():
    app = Flask(__name__)
    app.config["MAINTENANCE_MODE"] = False

    from app.views import bp

    app.register_blueprint(bp)
    app.wsgi_app = MaintenanceMiddleware(app.wsgi_app)
    return app
