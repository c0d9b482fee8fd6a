from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["MAIL_QUEUE"] = "outbox"

    from mailer.views import bp

    app.register_blueprint(bp)
    return app
