from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY="dev",
        EXPORT_BUCKET="exports-dev",
        EXPORT_ROW_LIMIT=500,
    )
    app.config.update(config or {})

    from reports.views import bp

    app.register_blueprint(bp)
    return app
