import click

from crew.invites import send_invite
from crew.models import USERS


def register_commands(app):
    @app.cli.command("invite")
    @click.argument("user_id", type=int)
    @click.argument("email")
    def invite(user_id, email):
        """Send an invite on behalf of a user: flask --app crew invite 1 kim@example.com"""
        user = USERS[user_id]
        click.echo(send_invite(user, email))
