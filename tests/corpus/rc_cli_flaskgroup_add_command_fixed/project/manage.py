"""python manage.py seed-plans | python manage.py currency"""

import click
from flask import current_app
from flask.cli import FlaskGroup

from plans import create_app
from plans.commands import seed_plans


@click.group(cls=FlaskGroup, create_app=create_app)
def cli():
    """Management script for the plans service."""


@cli.command("currency")
def currency():
    click.echo(current_app.config["DEFAULT_CURRENCY"])


cli.add_command(seed_plans)

if __name__ == "__main__":
    cli()
