from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["EXPORT_TITLE"] = "orders"

    from exports.views import bp

    app.register_blueprint(bp)
    return app
