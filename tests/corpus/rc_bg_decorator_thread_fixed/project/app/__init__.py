from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(MAIL_SENDER="welcome@forum.example.com", FORUM_NAME="Plant Lovers")

    from app.views import bp

    app.register_blueprint(bp)
    return app
