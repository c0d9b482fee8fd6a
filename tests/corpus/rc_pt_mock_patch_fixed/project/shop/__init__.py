from flask import Flask, g


def create_app(config=None):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "dev"
    app.config["PAYMENT_API_KEY"] = "sk_live_unset"
    app.config["TAX_RATES"] = {"DE": 0.19, "FR": 0.20}
    app.config["RECEIPTS_FROM"] = "billing@shop.example"
    app.config.update(config or {})

    @app.before_request
    def load_tenant():
        g.tenant = "shop"

    from shop.views import bp

    app.register_blueprint(bp)
    return app
