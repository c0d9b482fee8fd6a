import click
from flask import current_app


@click.command()
def show_config():
    """Print the admin group."""
    click.echo(f"admin group: {current_app.config['ADMIN_GROUP']}")
