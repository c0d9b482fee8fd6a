"""Admin helpers: python manage.py tables"""

import click
from flask.cli import ScriptInfo, with_appcontext

from tenancy import create_app
from tenancy.scope import TenantScope


@click.group()
def cli():
    """Tenant administration."""


@cli.command("tables")
@with_appcontext
def tables():
    scope = TenantScope()
    click.echo(", ".join(scope.tables()))


if __name__ == "__main__":
    cli(obj=ScriptInfo(create_app=create_app))
