from flask import Flask

from app import instrumentation


def create_app():
    app = Flask(__name__)
    app.config.update(SLOW_REQUEST_MS=500, NEWSLETTER_FROM="news@blog.example.com")
    instrumentation.init_app(app)

    from app.commands import register_commands
    from app.views import bp

    app.register_blueprint(bp)
    register_commands(app)
    return app
