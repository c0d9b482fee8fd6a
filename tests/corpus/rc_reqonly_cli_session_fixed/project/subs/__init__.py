from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "dev-only"

    from subs.commands import register_commands
    from subs.views import bp

    app.register_blueprint(bp)
    register_commands(app)
    return app
