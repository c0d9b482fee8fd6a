from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(MAIL_SENDER="welcome@example.com")

    from signup.views import bp

    app.register_blueprint(bp)
    return app
