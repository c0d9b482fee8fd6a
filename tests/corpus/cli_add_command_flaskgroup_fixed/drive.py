from click.testing import CliRunner
from flask.cli import FlaskGroup

import oracle
from app import create_app

# flask --app app seed-db --email root@example.com
# (the `flask` command is a FlaskGroup; it loads the app through create_app)
flask_cli = FlaskGroup(create_app=create_app)
result = oracle.cli_result(CliRunner().invoke(flask_cli, ["seed-db", "--email", "root@example.com"]))
print(result.output)

# the web app
oracle.observe(create_app().test_client().get, "/users")
