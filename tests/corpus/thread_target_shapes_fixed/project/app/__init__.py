from flask import Flask

from app.crm import crm


def create_app():
    app = Flask(__name__)
    app.config.update(SECRET_KEY="dev", SIGNUP_WEBHOOK="https://hooks.example.com/signup", CRM_API_KEY="crm-key")
    crm.init_app(app)

    from app import onboarding, views

    app.register_blueprint(views.bp)
    app.register_blueprint(onboarding.bp)
    return app
