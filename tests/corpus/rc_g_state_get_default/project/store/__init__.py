import click
from flask import Flask, g, session

from store.pricing import PRICES, price_for


def create_app():
    app = Flask(__name__)
    app.secret_key = "dev-only-not-secret"

    @app.before_request
    def load_member():
        g.user_id = session.get("user_id")

    from store.views import bp

    app.register_blueprint(bp)

    @app.cli.command("export-prices")
    def export_prices():
        """Print the public price list as CSV."""
        click.echo("sku,price")
        for sku in sorted(PRICES):
            click.echo(f"{sku},{price_for(sku):.2f}")

    return app
