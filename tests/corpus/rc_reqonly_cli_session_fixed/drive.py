from click.testing import CliRunner
from flask.cli import FlaskGroup

import oracle
from subs import create_app

# flask --app subs cancel-subscription 7 / issue-token billing-bot / archive-cancelled
flask_cli = FlaskGroup(create_app=create_app)
runner = CliRunner()
oracle.cli_result(runner.invoke(flask_cli, ["cancel-subscription", "7", "--by", "1"]))
oracle.cli_result(runner.invoke(flask_cli, ["issue-token", "billing-bot"]))
oracle.cli_result(runner.invoke(flask_cli, ["archive-cancelled"]))

# the web app
client = create_app().test_client()
oracle.observe(client.post, "/login/3")
oracle.observe(client.post, "/subscriptions/9/cancel")
oracle.observe(client.post, "/tokens", headers={"User-Agent": "curl/8"})
oracle.observe(client.post, "/admin/archive")
