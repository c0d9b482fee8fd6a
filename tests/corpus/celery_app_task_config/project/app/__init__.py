from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        ADMINS=["ops@example.com", "cto@example.com"],
        MAIL_SUBJECT_PREFIX="[Shop]",
    )

    from app import views

    app.register_blueprint(views.bp)
    return app
