from click.testing import CliRunner
from flask.cli import FlaskGroup

import oracle
from app import create_app

# the web app
app = create_app()
oracle.observe(app.test_client().get, "/")

# flask --app app send-newsletter, as cron runs it: the flask command pushes an app context only
flask_cli = FlaskGroup(create_app=create_app)
oracle.cli_result(CliRunner().invoke(flask_cli, ["send-newsletter"]))
