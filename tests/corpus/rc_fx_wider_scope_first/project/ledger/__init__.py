from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(CURRENCY="EUR", VAT_RATE=20)
    app.config.update(config or {})

    from ledger.views import bp

    app.register_blueprint(bp)
    return app
