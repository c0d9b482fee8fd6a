import click
from flask import current_app

from shop.views import CATALOG


def register_commands(app):
    @app.cli.command("reprice")
    @click.option("--percent", type=float, default=10.0)
    def reprice(percent):
        """Raise every catalog price by a percentage."""
        for name, price in CATALOG.items():
            CATALOG[name] = round(price * (1 + percent / 100), 2)
        current_app.logger.info("repriced %d products by %.1f%%", len(CATALOG), percent)
        click.echo("prices updated")
