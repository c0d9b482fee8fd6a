"""python manage.py seed-plans | python manage.py currency"""

import click
from flask import current_app
from flask.cli import FlaskGroup

from plans import create_app, db
from plans.models import Plan

DEFAULT_PLANS = {"free": 0, "pro": 1900, "team": 4900}


@click.group(cls=FlaskGroup, create_app=create_app)
def cli():
    """Management script for the plans service."""


@cli.command("seed-plans")
def seed_plans():
    """Insert the default price plans."""
    db.session.add_all(Plan(code=code, monthly_cents=cents) for code, cents in DEFAULT_PLANS.items())
    db.session.commit()
    click.echo(f"seeded {len(DEFAULT_PLANS)} plans")


@cli.command("currency")
def currency():
    click.echo(current_app.config["DEFAULT_CURRENCY"])


if __name__ == "__main__":
    cli()
