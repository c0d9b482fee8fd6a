from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["PAGE_SIZE"] = 2

    from reports.views import bp

    app.register_blueprint(bp)
    return app
