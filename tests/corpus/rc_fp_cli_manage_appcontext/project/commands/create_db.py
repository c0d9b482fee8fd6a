import click

from tracker import db


@click.command()
def create_db():
    """Create the database tables."""
    db.create_all()
    click.echo("tables created")
