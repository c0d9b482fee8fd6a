from flask import Flask
from flask_login import LoginManager

login_manager = LoginManager()


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(SECRET_KEY="crew-dev")
    app.config.update(config or {})
    login_manager.init_app(app)

    from crew.commands import register_commands
    from crew.views import register_views

    register_views(app)
    register_commands(app)
    return app
