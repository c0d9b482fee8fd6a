from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(INDEX_NAME="articles-v2", TITLE_MAX=40)

    from search.views import bp

    app.register_blueprint(bp)
    return app
