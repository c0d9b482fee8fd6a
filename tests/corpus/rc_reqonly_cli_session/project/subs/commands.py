import click

from subs import services


def register_commands(app):
    @app.cli.command("cancel-subscription")
    @click.argument("sub_id", type=int)
    def cancel_subscription_command(sub_id):
        """Cancel a subscription on behalf of support."""
        sub = services.cancel_subscription(sub_id)
        click.echo(f"subscription {sub_id} is now {sub['status']}")

    @app.cli.command("issue-token")
    @click.argument("owner")
    def issue_token_command(owner):
        """Create an API token for a service account."""
        click.echo(services.issue_api_token(owner))

    @app.cli.command("archive-cancelled")
    def archive_command():
        """Move cancelled subscriptions to the archive (cron, nightly)."""
        click.echo(f"archived {services.archive_cancelled()}")
