from click.testing import CliRunner
from flask.cli import FlaskGroup

import oracle
from app import create_app

# the web app: every receiver fires during this request
app = create_app()
response = oracle.observe(app.test_client().get, "/")
if response is None or response.status_code != 200:
    oracle.record(AssertionError(f"index failed: {response and response.status}"))

# flask --app app list-posts: the command's app context is torn down too (appcontext_tearing_down)
flask_cli = FlaskGroup(create_app=create_app)
oracle.cli_result(CliRunner().invoke(flask_cli, ["list-posts"]))
