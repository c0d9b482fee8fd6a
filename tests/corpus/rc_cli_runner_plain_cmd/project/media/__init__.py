from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(THUMB_DIR="/var/media/thumbs", UPLOADS=["cat.jpg", "dog.png"])
    app.config.update(config or {})

    from media.commands import make_thumbnails
    from media.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(make_thumbnails)
    return app
