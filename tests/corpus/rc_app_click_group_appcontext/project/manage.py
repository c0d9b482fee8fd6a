"""Warehouse admin: python manage.py seed | python manage.py where"""

import click
from flask import current_app
from flask.cli import ScriptInfo

from inventory import create_app, db
from inventory.models import Item


@click.group()
def cli():
    """Inventory administration."""


@cli.command("seed")
@click.option("--count", default=3)
def seed(count):
    db.session.add_all(Item(sku=f"SKU-{n:03}", warehouse="north") for n in range(count))
    db.session.commit()
    click.echo(f"seeded {count} items")


@cli.command("where")
def where():
    click.echo(f"warehouse: {current_app.config['WAREHOUSE']}")


if __name__ == "__main__":
    cli(obj=ScriptInfo(create_app=create_app))
