from click.testing import CliRunner
from flask.cli import FlaskGroup

import oracle

# the project's tests (no pytest-flask)
oracle.run_pytest(["tests"])

from accounts import create_app  # noqa: E402

# cron: flask --app accounts billing close-month 2024-05 (the flask command is a FlaskGroup)
result = oracle.cli_result(CliRunner().invoke(FlaskGroup(create_app=create_app), ["billing", "close-month", "2024-05"]))
assert result.exit_code == 0 and "closed 2 invoices" in result.output, result.output

# the web app
oracle.observe(create_app().test_client().get, "/invoices/2024-05")
