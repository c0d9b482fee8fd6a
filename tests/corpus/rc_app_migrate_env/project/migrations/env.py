"""Alembic environment. Run by `flask db upgrade`, which pushes the app context first."""

from alembic import context
from flask import current_app

config = context.config
migrate_ext = current_app.extensions["migrate"]
db_url = current_app.config["SQLALCHEMY_DATABASE_URI"]
config.set_main_option("sqlalchemy.url", db_url.replace("%", "%%"))
target_metadata = migrate_ext.db.metadata


def run_offline():
    context.configure(url=db_url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online():
    with migrate_ext.db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, **migrate_ext.configure_args)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
