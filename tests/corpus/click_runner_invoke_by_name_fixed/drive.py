from click.testing import CliRunner
from flask.cli import FlaskGroup

import oracle

# the project's tests (it does not use pytest-flask)
oracle.run_pytest(["tests"])

from app import create_app  # noqa: E402

# flask --app app seed-db, as production runs it: FlaskGroup pushes an app context
flask_cli = FlaskGroup(create_app=create_app)
oracle.cli_result(CliRunner().invoke(flask_cli, ["seed-db", "--email", "root@example.com"]))

# the web app
oracle.observe(create_app().test_client().get, "/users")
