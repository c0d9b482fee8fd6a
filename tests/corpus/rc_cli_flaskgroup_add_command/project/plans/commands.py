import click

from plans import db
from plans.models import Plan

DEFAULT_PLANS = {"free": 0, "pro": 1900, "team": 4900}


@click.command("seed-plans")
def seed_plans():
    """Insert the default price plans."""
    db.session.add_all(Plan(code=code, monthly_cents=cents) for code, cents in DEFAULT_PLANS.items())
    db.session.commit()
    click.echo(f"seeded {len(DEFAULT_PLANS)} plans")
