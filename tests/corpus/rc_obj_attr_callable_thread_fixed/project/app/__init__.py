from flask import Flask

from app.extensions import mail


def create_app():
    app = Flask(__name__)
    app.config.update(MAIL_SUPPRESS_SEND=True, MAIL_DEFAULT_SENDER="hello@club.example.com")
    mail.init_app(app)

    from app.views import bp

    app.register_blueprint(bp)
    return app
