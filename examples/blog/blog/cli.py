import click

from blog.extensions import db
from blog.models import User


def register(app):
    @app.cli.command("create-admin")
    @click.argument("email")
    def create_admin(email):
        """Runs under `flask create-admin`: Flask pushes an app context, so this is fine."""
        db.session.add(User(email=email))
        db.session.commit()
