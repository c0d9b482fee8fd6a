from flask import current_app

from app.posts import POSTS


def register_commands(app):
    @app.cli.command("list-posts")
    def list_posts():
        """Print the published posts."""
        for post in POSTS:
            print(f"{post['slug']}: {post['title']} (from {current_app.config['NEWSLETTER_FROM']})")
