from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(CACHE_NAMESPACE="ctf")
    app.config.update(config or {})

    from board.scoreboard import bp

    app.register_blueprint(bp)
    return app
