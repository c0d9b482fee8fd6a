from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(SECRET_KEY="dev")
    app.config.update(config or {})

    from app.account import bp

    app.register_blueprint(bp)
    return app
