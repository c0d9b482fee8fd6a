from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        UPLOAD_DIR="/srv/gallery/uploads",
        THUMB_SIZE=256,
        KEEP_DAYS=30,
    )
    app.config.update(config or {})

    from gallery.views import bp

    app.register_blueprint(bp)
    return app
