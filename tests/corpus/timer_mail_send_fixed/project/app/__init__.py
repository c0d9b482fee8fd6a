from flask import Flask

from app.extensions import mail


def create_app():
    app = Flask(__name__)
    app.config.update(
        MAIL_SERVER="smtp.example.com",
        MAIL_DEFAULT_SENDER="noreply@example.com",
        MAIL_SUPPRESS_SEND=True,
    )
    mail.init_app(app)

    from app.auth import bp

    app.register_blueprint(bp)
    return app
