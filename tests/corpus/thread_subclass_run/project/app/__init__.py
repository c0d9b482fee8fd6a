from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["AUDIT_CHANNEL"] = "security"

    from app.accounts import bp

    app.register_blueprint(bp)
    return app
