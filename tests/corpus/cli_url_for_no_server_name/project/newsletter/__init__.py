from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})

    from newsletter.commands import register_commands
    from newsletter.views import bp

    app.register_blueprint(bp)
    register_commands(app)
    return app
