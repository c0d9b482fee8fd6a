from click.testing import CliRunner
from flask.cli import FlaskGroup

import oracle

# the project's tests (no pytest-flask)
oracle.run_pytest(["tests"])

from media import create_app  # noqa: E402

# flask --app media make-thumbnails --size 64 (FlaskGroup pushes the app context)
result = oracle.cli_result(CliRunner().invoke(FlaskGroup(create_app=create_app), ["make-thumbnails", "--size", "64"]))
assert result.exit_code == 0 and "cat.jpg" in result.output, result.output

# the web app
oracle.observe(create_app().test_client().get, "/thumbs/cat.jpg?size=64")
