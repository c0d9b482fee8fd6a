from flask import Flask, g, request

from app.scheduler import init_scheduler


def create_app():
    app = Flask(__name__)
    app.config.update(AUDIT_RETENTION_DAYS=90)

    @app.before_request
    def identify_user():
        g.user_email = request.headers.get("X-User", "anonymous")

    from app import views

    app.register_blueprint(views.bp)
    init_scheduler(app)
    return app
