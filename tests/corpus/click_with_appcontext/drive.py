from click.testing import CliRunner
from flask.cli import ScriptInfo

import oracle
from app import create_app
from cli import cli

# python cli.py init-db / python cli.py promote admin@example.com
# (the __main__ block passes obj=ScriptInfo(create_app=create_app))
runner = CliRunner()
oracle.cli_result(runner.invoke(cli, ["init-db"], obj=ScriptInfo(create_app=create_app)))
oracle.cli_result(runner.invoke(cli, ["promote", "admin@example.com"], obj=ScriptInfo(create_app=create_app)))
