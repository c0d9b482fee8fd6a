import click
from flask import url_for

SUBSCRIBERS = ["ana@example.com", "bo@example.com"]


def build_reminder(email):
    home = url_for("main.index", _external=True)
    return f"Hi {email}, a new issue is out: {home}"


def register_commands(app):
    @app.cli.command("send-reminders")
    def send_reminders():
        """Print the reminder mail of every subscriber."""
        for email in SUBSCRIBERS:
            click.echo(build_reminder(email))
