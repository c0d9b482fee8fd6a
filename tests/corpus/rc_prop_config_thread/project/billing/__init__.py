from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(INVOICE_DIR="/tmp/invoices", INVOICE_PREFIX="INV")

    from billing.views import bp

    app.register_blueprint(bp)
    return app
