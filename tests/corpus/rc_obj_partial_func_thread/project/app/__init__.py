from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(SECRET_KEY="dev", ANALYTICS_ENDPOINT="https://collect.example.com/e")

    from app.views import bp

    app.register_blueprint(bp)
    return app
