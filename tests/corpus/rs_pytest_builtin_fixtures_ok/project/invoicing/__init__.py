from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(INVOICE_CURRENCY="EUR", INVOICE_FOOTER="Thank you for your business")
    app.config.update(config or {})

    from invoicing.views import bp

    app.register_blueprint(bp)
    return app
