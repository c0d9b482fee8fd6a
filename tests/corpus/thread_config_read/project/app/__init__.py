from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["REPORT_RECIPIENT"] = "ops@example.com"
    from app import views

    app.register_blueprint(views.bp)
    return app
