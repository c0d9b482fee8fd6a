from click.testing import CliRunner

import oracle
from manage import app, seed_db

# the plain click command, invoked on its own
oracle.cli_result(CliRunner().invoke(seed_db, ["--email", "root@example.com"]))

# the web app
oracle.observe(app.test_client().get, "/users")
