from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "dev"
    app.config["MAX_UPLOAD_MB"] = 8
    app.config.update(config or {})

    from app.views import bp

    app.register_blueprint(bp)
    return app
