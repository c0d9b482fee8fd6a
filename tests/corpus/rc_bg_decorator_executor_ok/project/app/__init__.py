from flask import Flask


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.update(MEDIA_ROOT="/srv/media", THUMBNAIL_SIZES=(64, 256, 1024))
    if test_config:
        app.config.update(test_config)

    from app.views import bp

    app.register_blueprint(bp)
    return app
