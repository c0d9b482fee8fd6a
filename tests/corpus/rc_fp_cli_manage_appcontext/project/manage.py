#!/usr/bin/env python3
"""Administration: python manage.py <command> [args]"""

import commands.add_user
import commands.alter_user
import commands.create_db
import commands.show_config
from tracker import app

for command in (
    commands.create_db.create_db,
    commands.add_user.add_user,
    commands.alter_user.alter_user,
    commands.show_config.show_config,
):
    app.cli.add_command(command)


if __name__ == "__main__":
    app.cli()
