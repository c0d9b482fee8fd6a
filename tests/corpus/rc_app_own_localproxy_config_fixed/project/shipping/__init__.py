from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(LABEL_PRINTER="zebra-02", LABEL_FORMAT="4x6")
    app.config.update(config or {})

    from shipping.views import bp

    app.register_blueprint(bp)
    return app
