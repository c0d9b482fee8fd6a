from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(MAIL_FROM="no-reply@example.com", MAIL_HOST="smtp.example.com")

    from app import accounts

    app.register_blueprint(accounts.bp)
    return app
