from click.testing import CliRunner
from flask.cli import ScriptInfo

import oracle
from inventory import create_app
from manage import cli

# python manage.py seed / python manage.py where: the __main__ block calls the group object
# with obj=ScriptInfo(create_app=create_app); CliRunner invokes that same group the same way.
runner = CliRunner()
oracle.cli_result(runner.invoke(cli, ["seed", "--count", "2"], obj=ScriptInfo(create_app=create_app)))
oracle.cli_result(runner.invoke(cli, ["where"], obj=ScriptInfo(create_app=create_app)))
