from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(TESTING=True, WELCOME_SUBJECT="Welcome to Ledgerly")
    app.config.update(config or {})

    from app.views import bp

    app.register_blueprint(bp)
    return app
