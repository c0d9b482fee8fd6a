from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(BILLING_CURRENCY="EUR", TAX_RATE=0.21, INVOICE_BATCH_SIZE=50)
    app.config.update(config or {})
    return app
