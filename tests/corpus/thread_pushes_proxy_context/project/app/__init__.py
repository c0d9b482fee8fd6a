from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["TESTING"] = True
    app.config["EXPORT_DIR"] = "/tmp/exports"
    from app import views

    app.register_blueprint(views.bp)
    return app
