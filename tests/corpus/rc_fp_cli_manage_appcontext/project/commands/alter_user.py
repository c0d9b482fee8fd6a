import click

from tracker import db
from tracker.models import User


@click.command()
@click.argument("username")
@click.option("--admin/--no-admin", default=False)
def alter_user(username, admin):
    """Grant or revoke admin rights."""
    user = User.query.filter(User.username == username).first()
    if user is None:
        click.echo(f"no user named {username}")
        return
    user.admin = admin
    db.session.commit()
