from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config["EXPORT_COLUMNS"] = ["ts", "level", "message"]
    app.config["LEVEL_WEIGHTS"] = {"INFO": 1, "WARNING": 5, "ERROR": 20}
    app.config.update(config or {})

    from logsearch.views import bp

    app.register_blueprint(bp)
    return app
