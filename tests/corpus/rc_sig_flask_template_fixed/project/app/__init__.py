from flask import Flask

from app import analytics


def create_app():
    app = Flask(__name__)
    app.config.update(NEWSLETTER_FROM="news@blog.example.com")
    analytics.init_app(app)

    from app.commands import register_commands
    from app.views import bp

    app.register_blueprint(bp)
    register_commands(app)
    return app
