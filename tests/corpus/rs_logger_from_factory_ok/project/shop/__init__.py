from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(INDEX_PREFIX="Shop", INDEX_BATCH=50)

    from shop.views import bp

    app.register_blueprint(bp)
    return app
