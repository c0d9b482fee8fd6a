import click

from app import db
from app.models import User


@click.command("seed-db")
@click.option("--email", default="admin@example.com", help="Address of the first admin.")
def seed_db(email):
    """Create the first admin account."""
    db.session.add(User(email=email, is_admin=True))
    db.session.commit()
    click.echo(f"Created admin {email}.")
