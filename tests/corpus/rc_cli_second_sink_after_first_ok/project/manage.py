"""Pricing maintenance: python manage.py apply-discount 10"""

import click
from sqlalchemy import update

from price_list import LIST_PRICES
from pricing import create_app, db
from pricing.models import Product

app = create_app()


@click.group()
def cli():
    """Pricing maintenance commands."""


@cli.command("apply-discount")
@click.argument("percent", type=int)
def apply_discount(percent):
    """Set every product to its list price minus PERCENT."""
    with app.app_context():
        for sku, list_price in LIST_PRICES:
            db.session.execute(update(Product).where(Product.sku == sku).values(price=list_price * (100 - percent) // 100))
            db.session.commit()
            click.echo(f"{sku}: {list_price} -> {percent}% off")


if __name__ == "__main__":
    cli()
