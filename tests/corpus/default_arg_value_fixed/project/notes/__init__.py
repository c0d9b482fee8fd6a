from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config["NOTES_PER_PAGE"] = 3
    app.config.update(config or {})

    from notes.api import bp

    app.register_blueprint(bp, url_prefix="/api")
    return app
