from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["PER_PAGE"] = 2

    from catalog.views import bp

    app.register_blueprint(bp)
    return app
