from click.testing import CliRunner
from flask.cli import cli as flask_cli

import oracle

# deployment creates the schema through the flask CLI: flask --app manage create-db
oracle.cli_result(CliRunner().invoke(flask_cli, ["--app", "manage", "create-db"]))

# the admin runs each command as its own process: python manage.py <command> ...
oracle.run_script("manage.py", ["create-db"])
oracle.run_script("manage.py", ["add-user", "ana", "--admin"])
oracle.run_script("manage.py", ["alter-user", "ana", "--no-admin"])
oracle.run_script("manage.py", ["show-config"])

# the web app
from tracker import app

oracle.observe(app.test_client().get, "/users")
