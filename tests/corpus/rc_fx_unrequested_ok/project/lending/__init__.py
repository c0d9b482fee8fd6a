from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(LOAN_DAYS=21)
    app.config.update(config or {})

    from lending.views import bp

    app.register_blueprint(bp)
    return app
