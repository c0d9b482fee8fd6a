"""Maintenance commands: python manage.py seed-db --email root@example.com"""

import click

from app import create_app
from app.commands import seed_db

app = create_app()


@click.group()
def cli():
    """Maintenance commands for the user database."""


cli.add_command(seed_db)

if __name__ == "__main__":
    cli()
