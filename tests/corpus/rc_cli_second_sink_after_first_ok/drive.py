from click.testing import CliRunner

import oracle
from manage import app, cli

# python manage.py apply-discount 10
oracle.cli_result(CliRunner().invoke(cli, ["apply-discount", "10"]))

# the web app
oracle.observe(app.test_client().get, "/products")
