from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(MAIL_FROM="alerts@example.com", ALERT_RECIPIENTS=["oncall@example.com"])

    from app import views

    app.register_blueprint(views.bp)
    return app
