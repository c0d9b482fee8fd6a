import click
from flask import Blueprint

from reports.audit import record_event

bp = Blueprint("reports", __name__, url_prefix="/reports")

SUMMARY = {}


def rebuild_summary():
    SUMMARY.clear()
    SUMMARY.update({"orders": 42, "refunds": 3})


@bp.post("/rebuild")
def rebuild():
    rebuild_summary()
    record_event("rebuild-reports")
    return {"rebuilt": True}


@bp.cli.command("rebuild")
def rebuild_command():
    """Rebuild the report summary from the command line."""
    rebuild_summary()
    record_event("rebuild-reports")
    click.echo("reports rebuilt")
