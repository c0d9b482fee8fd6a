import click
from flask_login import current_user

from crew.invites import send_invite


def register_commands(app):
    @app.cli.command("invite")
    @click.argument("email")
    def invite(email):
        """Send an invite from the command line: flask --app crew invite kim@example.com"""
        click.echo(send_invite(current_user, email))
