"""Admin tasks: python cli.py init-db | python cli.py promote EMAIL"""

import click
from flask.cli import ScriptInfo, with_appcontext

from app import create_app, db
from app.models import User


@click.group()
def cli():
    """User administration."""


@cli.command("init-db")
@with_appcontext
def init_db():
    db.drop_all()
    db.create_all()
    click.echo("Initialized the database.")


@cli.command("promote")
@click.argument("email")
def promote(email):
    user = User.query.filter_by(email=email).first()
    if user is None:
        click.echo(f"no user {email}")
        return
    user.is_admin = True
    db.session.commit()
    click.echo(f"{email} is now an admin")


if __name__ == "__main__":
    cli(obj=ScriptInfo(create_app=create_app))
