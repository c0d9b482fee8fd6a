from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SEARCH_INDEX_NAME"] = "articles-v2"

    from app.admin import bp

    app.register_blueprint(bp)
    return app
