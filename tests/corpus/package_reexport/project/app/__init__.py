from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(REPORT_CURRENCY="EUR", REPORT_VAT_RATE=0.2)

    from app import views

    app.register_blueprint(views.bp)
    return app
