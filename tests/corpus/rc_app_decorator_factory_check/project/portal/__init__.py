from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config["API_KEYS"] = {"k-123", "k-456"}
    app.config.update(config or {})

    from portal.admin import bp as admin_bp
    from portal.reports import bp as reports_bp

    app.register_blueprint(reports_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    return app
