import click

from tracker.logic import create_user


@click.command()
@click.argument("username")
@click.option("--admin/--no-admin", default=False)
def add_user(username, admin):
    """Create a user account."""
    create_user(username, admin=admin)
    click.echo(f"added {username}")
