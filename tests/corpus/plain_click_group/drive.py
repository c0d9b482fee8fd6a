from click.testing import CliRunner

import oracle
from manage import app, cli

# python manage.py seed-db --email root@example.com
oracle.cli_result(CliRunner().invoke(cli, ["seed-db", "--email", "root@example.com"]))

# the web app
oracle.observe(app.test_client().get, "/users")
